#!/usr/bin/python3
"""Builds the imported-teacher fixtures of kd-core's tests (run with Debian's python3:
apt-get install -y python3-xgboost python3-onnx python3-sklearn; /usr/bin/python3 make_fixtures.py).

Writes, beside this script:
  loans.csv, loans.yaml    a small synthetic loan table (numeric columns with missing values, one
                           categorical column) and its fairkd dataset spec; label 1 = repaid
  xgb.json, xgb.ubj        an XGBoost binary:logistic model (40 trees) saved as JSON and UBJSON,
                           inputs [income, age, debt_ratio, purpose=auto, purpose=car, purpose=home]
  logistic.onnx            a logistic model built with onnx.helper (MatMul, Add, Sigmoid), input
                           float_input [N, 3] = [age, purpose=car, purpose=home]
  trees.onnx               a 3-tree ai.onnx.ml TreeEnsembleRegressor + Sigmoid built with onnx.helper
                           from a scikit-learn gradient-boosting fit on [age, purpose=home]
  predictions.csv          row_id and each model's P(label 1) as computed here in Python
                           (xgboost's own predict; numpy for the two ONNX graphs)
The tests only read these files; Python is not needed at test time.
"""
import os

import numpy as np
import onnx
import xgboost as xgb
from onnx import TensorProto, helper
from sklearn.ensemble import GradientBoostingClassifier

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(7)
N = 400
PURPOSES = ["auto", "car", "home"]

income = np.round(rng.lognormal(10.5, 0.5, N), 2)
age = rng.integers(19, 75, N).astype(float)
debt = np.round(rng.uniform(0, 1.2, N), 3)
purpose = rng.choice(PURPOSES + [""], N, p=[0.35, 0.3, 0.3, 0.05])
income[rng.random(N) < 0.06] = np.nan
debt[rng.random(N) < 0.04] = np.nan
z = 0.00002 * np.nan_to_num(income, nan=30000) + 0.02 * (age - 40) - 2.0 * np.nan_to_num(debt, nan=0.5)
z += np.where(purpose == "home", 0.6, 0.0) - 0.3
y = (rng.random(N) < 1 / (1 + np.exp(-z))).astype(int)
sex = rng.choice(["female", "male"], N)  # the protected attribute; no model reads it
ids = [f"L{i:04d}" for i in range(N)]


def onehot(levels):
    return np.stack([(purpose == lv).astype(float) for lv in levels], axis=1)


def fmt(v):
    return "" if np.isnan(v) else repr(float(v))


with open(os.path.join(HERE, "loans.csv"), "w") as f:
    f.write("row_id,income,age,debt_ratio,purpose,sex,repaid\n")
    for i in range(N):
        f.write(f"{ids[i]},{fmt(income[i])},{int(age[i])},{fmt(debt[i])},{purpose[i]},{sex[i]},{y[i]}\n")
with open(os.path.join(HERE, "loans.yaml"), "w") as f:
    f.write(
        "name: imported-loans\n"
        "description: synthetic loan table for the imported-teacher fixtures (make_fixtures.py)\n"
        "data: loans.csv\n"
        "row_id: row_id\n"
        "label: {column: repaid, favourable: ['1']}\n"
        "protected: [{name: sex, column: sex, reference: male}]\n"
        "types: {income: numeric, age: numeric, debt_ratio: numeric, purpose: categorical}\n"
    )

# XGBoost on [income, age, debt_ratio, purpose one-hot]
X = np.column_stack([income, age, debt, onehot(PURPOSES)])
names = ["income", "age", "debt_ratio", "purpose=auto", "purpose=car", "purpose=home"]
dm = xgb.DMatrix(X, label=y, missing=np.nan, feature_names=names)
booster = xgb.train(
    {"objective": "binary:logistic", "max_depth": 4, "eta": 0.3, "seed": 1, "tree_method": "hist"},
    dm,
    num_boost_round=40,
)
booster.save_model(os.path.join(HERE, "xgb.json"))
booster.save_model(os.path.join(HERE, "xgb.ubj"))
p_xgb = booster.predict(xgb.DMatrix(X, missing=np.nan, feature_names=names)).astype(np.float64)

# ONNX logistic on [age, purpose=car, purpose=home] (columns without missing values: NaN would
# propagate through MatMul, which fairkd refuses as an invalid score)
w = np.array([[0.02], [0.25], [0.6]], dtype=np.float32)
b = np.array([-1.1], dtype=np.float32)
graph = helper.make_graph(
    [
        helper.make_node("MatMul", ["float_input", "W"], ["xw"]),
        helper.make_node("Add", ["xw", "B"], ["logit"]),
        helper.make_node("Sigmoid", ["logit"], ["probability"]),
    ],
    "logistic",
    [helper.make_tensor_value_info("float_input", TensorProto.FLOAT, [None, 3])],
    [helper.make_tensor_value_info("probability", TensorProto.FLOAT, [None, 1])],
    [
        helper.make_tensor("W", TensorProto.FLOAT, [3, 1], w.flatten().tolist()),
        helper.make_tensor("B", TensorProto.FLOAT, [1], b.tolist()),
    ],
)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
model.ir_version = 8
onnx.checker.check_model(model)
onnx.save(model, os.path.join(HERE, "logistic.onnx"))
XL = np.column_stack([age, onehot(["car", "home"])]).astype(np.float32)
p_log = (1 / (1 + np.exp(-(XL.astype(np.float64) @ w.astype(np.float64) + b[0])))).ravel()

# ONNX tree ensemble: three depth-2 regression trees of a gradient-boosting fit on the NaN-free
# columns [age, purpose=home]; class 1 score = sigmoid(prior + sum of leaves).
XT = np.column_stack([age, (purpose == "home").astype(float)]).astype(np.float32)
gb = GradientBoostingClassifier(n_estimators=3, max_depth=2, learning_rate=0.5, random_state=0)
gb.fit(XT, y)
prior = float(np.log(y.mean() / (1 - y.mean())))
attrs = {k: [] for k in ["nodes_treeids", "nodes_nodeids", "nodes_featureids", "nodes_values",
                         "nodes_modes", "nodes_truenodeids", "nodes_falsenodeids", "nodes_missing_value_tracks_true",
                         "class_treeids", "class_nodeids", "class_ids", "class_weights"]}
for t, est in enumerate(gb.estimators_[:, 0]):
    tr = est.tree_
    for n in range(tr.node_count):
        leaf = tr.children_left[n] == -1
        attrs["nodes_treeids"].append(t)
        attrs["nodes_nodeids"].append(n)
        attrs["nodes_featureids"].append(0 if leaf else int(tr.feature[n]))
        attrs["nodes_values"].append(0.0 if leaf else float(np.float32(tr.threshold[n])))
        attrs["nodes_modes"].append("LEAF" if leaf else "BRANCH_LEQ")
        attrs["nodes_truenodeids"].append(0 if leaf else int(tr.children_left[n]))
        attrs["nodes_falsenodeids"].append(0 if leaf else int(tr.children_right[n]))
        attrs["nodes_missing_value_tracks_true"].append(0)
        if leaf:
            attrs["class_treeids"].append(t)
            attrs["class_nodeids"].append(n)
            attrs["class_ids"].append(0)
            attrs["class_weights"].append(float(np.float32(0.5 * tr.value[n][0][0])))
# The classifier's binary form is ambiguous across runtimes, so the graph sums the trees with a
# TreeEnsembleRegressor (target_* attributes) and applies Sigmoid: probability = sigmoid(margin).
reg = {k.replace("class_", "target_"): v for k, v in attrs.items()}
node = helper.make_node(
    "TreeEnsembleRegressor", ["float_input"], ["margin"], domain="ai.onnx.ml",
    n_targets=1, aggregate_function="SUM", post_transform="NONE",
    base_values=[float(np.float32(prior))], **reg,
)
graph = helper.make_graph(
    [node, helper.make_node("Sigmoid", ["margin"], ["probability"])], "trees",
    [helper.make_tensor_value_info("float_input", TensorProto.FLOAT, [None, 2])],
    [helper.make_tensor_value_info("probability", TensorProto.FLOAT, [None, 1])],
)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13), helper.make_opsetid("ai.onnx.ml", 3)])
model.ir_version = 8
onnx.checker.check_model(model)
onnx.save(model, os.path.join(HERE, "trees.onnx"))
# numpy reference: walk each tree with the float32 thresholds (BRANCH_LEQ: x <= v goes true)
margin = np.full(N, np.float32(prior), dtype=np.float64)
for t, est in enumerate(gb.estimators_[:, 0]):
    tr = est.tree_
    for i in range(N):
        n = 0
        while tr.children_left[n] != -1:
            n = tr.children_left[n] if XT[i, tr.feature[n]] <= np.float32(tr.threshold[n]) else tr.children_right[n]
        margin[i] += np.float32(0.5 * tr.value[n][0][0])
p_trees = 1 / (1 + np.exp(-margin))

with open(os.path.join(HERE, "predictions.csv"), "w") as f:
    f.write("row_id,xgb,logistic_onnx,trees_onnx\n")
    for i in range(N):
        f.write(f"{ids[i]},{p_xgb[i]!r},{p_log[i]!r},{p_trees[i]!r}\n")
print("wrote fixtures; xgboost", xgb.__version__, "onnx", onnx.__version__)
