#!/usr/bin/python3
"""Builds the imported-teacher fixtures of kd-core's tests (run with Debian's python3:
apt-get install -y python3-xgboost python3-onnx python3-sklearn; /usr/bin/python3 make_fixtures.py).

Writes, beside this script:
  loans.csv, loans.yaml    a small synthetic loan table (numeric columns with missing values, two
                           categorical columns with missing values) and its fairkd dataset spec;
                           label 1 = repaid
  xgb.json, xgb.ubj        an XGBoost binary:logistic model (40 trees) saved as JSON and UBJSON,
                           inputs [income, age, debt_ratio, purpose=auto, purpose=car, purpose=home]
  logistic.onnx            a logistic model built with onnx.helper (MatMul, Add, Sigmoid), input
                           float_input [N, 3] = [age, purpose=car, purpose=home]
  trees.onnx               a 3-tree ai.onnx.ml TreeEnsembleRegressor + Sigmoid built with onnx.helper
                           from a scikit-learn gradient-boosting fit on [age, purpose=home]
  pipeline_logistic.onnx   a scikit-learn-pipeline-shaped model as skl2onnx writes it: inputs age
                           float [N, 1], num float [N, 2] = [income, debt_ratio] (Imputer, Scaler),
                           purpose string [N, 1] (OneHotEncoder in the graph); LinearClassifier
                           (classes 0, 1) and ZipMap: output_probability = seq(map(int64, float))
  pipeline_trees.onnx      inputs numeric float [N, 1] = [age], categorical string [N, 2] =
                           [purpose, term]; TreeEnsembleClassifier with classes [default, repaid]
                           and ZipMap: seq(map(string, float))
  predictions.csv          row_id and each model's P(label 1) as computed here in Python
                           (xgboost's own predict; numpy for the ONNX graphs, from the same
                           parameters: onnxruntime is not packaged in Debian)
The tests only read these files; Python is not needed at test time.
"""
import os

import numpy as np
import onnx
import xgboost as xgb
from onnx import TensorProto, helper
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression

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
# drawn after everything above so the older fixtures stay as they were; no older model reads it
term = rng.choice(["36m", "60m", ""], N, p=[0.6, 0.35, 0.05])


def onehot(levels):
    return np.stack([(purpose == lv).astype(float) for lv in levels], axis=1)


def fmt(v):
    return "" if np.isnan(v) else repr(float(v))


with open(os.path.join(HERE, "loans.csv"), "w") as f:
    f.write("row_id,income,age,debt_ratio,purpose,sex,repaid,term\n")
    for i in range(N):
        f.write(f"{ids[i]},{fmt(income[i])},{int(age[i])},{fmt(debt[i])},{purpose[i]},{sex[i]},{y[i]},{term[i]}\n")
with open(os.path.join(HERE, "loans.yaml"), "w") as f:
    f.write(
        "name: imported-loans\n"
        "description: synthetic loan table for the imported-teacher fixtures (make_fixtures.py)\n"
        "data: loans.csv\n"
        "row_id: row_id\n"
        "label: {column: repaid, favourable: ['1']}\n"
        "protected: [{name: sex, column: sex, reference: male}]\n"
        "types: {income: numeric, age: numeric, debt_ratio: numeric, purpose: categorical,"
        " term: categorical}\n"
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


def tree_attrs(gb, leaf):
    """ai.onnx.ml tree-ensemble attributes of gb's trees; leaf(value) gives [(class_id, weight)]."""
    attrs = {k: [] for k in ["nodes_treeids", "nodes_nodeids", "nodes_featureids", "nodes_values",
                             "nodes_modes", "nodes_truenodeids", "nodes_falsenodeids",
                             "nodes_missing_value_tracks_true",
                             "class_treeids", "class_nodeids", "class_ids", "class_weights"]}
    for t, est in enumerate(gb.estimators_[:, 0]):
        tr = est.tree_
        for n in range(tr.node_count):
            is_leaf = tr.children_left[n] == -1
            attrs["nodes_treeids"].append(t)
            attrs["nodes_nodeids"].append(n)
            attrs["nodes_featureids"].append(0 if is_leaf else int(tr.feature[n]))
            attrs["nodes_values"].append(0.0 if is_leaf else float(np.float32(tr.threshold[n])))
            attrs["nodes_modes"].append("LEAF" if is_leaf else "BRANCH_LEQ")
            attrs["nodes_truenodeids"].append(0 if is_leaf else int(tr.children_left[n]))
            attrs["nodes_falsenodeids"].append(0 if is_leaf else int(tr.children_right[n]))
            attrs["nodes_missing_value_tracks_true"].append(0)
            if is_leaf:
                for c, wt in leaf(gb.learning_rate * tr.value[n][0][0]):
                    attrs["class_treeids"].append(t)
                    attrs["class_nodeids"].append(n)
                    attrs["class_ids"].append(c)
                    attrs["class_weights"].append(float(np.float32(wt)))
    return attrs


def tree_margin(gb, X, base, scale=1.0):
    """numpy reference: walk each tree with the float32 thresholds (BRANCH_LEQ: x <= v goes
    true) and add the float32 leaf values (times scale) to base."""
    margin = np.full(len(X), np.float32(base), dtype=np.float64)
    for est in gb.estimators_[:, 0]:
        tr = est.tree_
        for i in range(len(X)):
            n = 0
            while tr.children_left[n] != -1:
                go_left = X[i, tr.feature[n]] <= np.float32(tr.threshold[n])
                n = tr.children_left[n] if go_left else tr.children_right[n]
            margin[i] += np.float32(scale * gb.learning_rate * tr.value[n][0][0])
    return margin


attrs = tree_attrs(gb, lambda v: [(0, v)])
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
margin = tree_margin(gb, XT, prior)
p_trees = 1 / (1 + np.exp(-margin))


# The two models below are shaped as skl2onnx writes a scikit-learn pipeline (built here with
# onnx.helper, since skl2onnx is not packaged in Debian): one input per column group, the
# categorical columns as string tensors one-hot encoded inside the graph (ai.onnx.ml
# OneHotEncoder, zeros=1: an unknown or empty string gives all zeros), and the probabilities
# behind a ZipMap, i.e. a sequence of maps class -> probability.
ML = helper.make_opsetid("ai.onnx.ml", 3)


def save(nodes, name, inputs, outputs, inits=()):
    model = helper.make_model(
        helper.make_graph(nodes, name, inputs, outputs, list(inits)),
        opset_imports=[helper.make_opsetid("", 13), ML])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(HERE, name + ".onnx"))


def one_hot(src, cats, out):
    """skl2onnx's string one-hot: OneHotEncoder ([N, 1] -> [N, 1, C]) then Reshape to [N, C]."""
    shape = helper.make_tensor(out + "_shape", TensorProto.INT64, [2], [-1, len(cats)])
    return [
        helper.make_node("OneHotEncoder", [src], [out + "_3d"], domain="ai.onnx.ml",
                         cats_strings=cats, zeros=1),
        helper.make_node("Reshape", [out + "_3d", out + "_shape"], [out]),
    ], shape


def zipmap_outputs(label_type, map_key_type):
    """output_label [N] and output_probability seq(map(key, float)), as skl2onnx names them."""
    seq = onnx.TypeProto()
    seq.sequence_type.elem_type.map_type.key_type = map_key_type
    seq.sequence_type.elem_type.map_type.value_type.CopyFrom(
        helper.make_tensor_type_proto(TensorProto.FLOAT, []))
    return [
        helper.make_tensor_value_info("output_label", label_type, [None]),
        helper.make_value_info("output_probability", seq),
    ]


# pipeline_logistic.onnx: inputs age float [N, 1], num float [N, 2] = [income, debt_ratio] (NaN
# imputed with the mean, then scaled), purpose string [N, 1]; LinearClassifier (classes 0, 1,
# LOGISTIC) and ZipMap with int64 keys.
num = np.column_stack([income, debt]).astype(np.float32)
num_mean = np.nanmean(num, axis=0).astype(np.float32)
num_scale = (1 / np.nanstd(num, axis=0)).astype(np.float32)
age_scale = np.float32(1 / 15)
f_num = (np.where(np.isnan(num), num_mean, num) - num_mean) * num_scale
f_age = ((age.astype(np.float32) - np.float32(40)) * age_scale).reshape(-1, 1)
FA = np.column_stack([f_age, f_num, onehot(PURPOSES).astype(np.float32)]).astype(np.float32)
lr = LogisticRegression(C=1.0).fit(FA, y)
wa = lr.coef_[0].astype(np.float32)
ba = np.float32(lr.intercept_[0])
oh_nodes, oh_shape = one_hot("purpose", PURPOSES, "purpose_oh")
save(
    [
        helper.make_node("Scaler", ["age"], ["age_sc"], domain="ai.onnx.ml", offset=[40.0],
                         scale=[float(age_scale)]),
        helper.make_node("Imputer", ["num"], ["num_imp"], domain="ai.onnx.ml",
                         imputed_value_floats=num_mean.tolist(), replaced_value_float=float("nan")),
        helper.make_node("Scaler", ["num_imp"], ["num_sc"], domain="ai.onnx.ml",
                         offset=num_mean.tolist(), scale=num_scale.tolist()),
        *oh_nodes,
        helper.make_node("Concat", ["age_sc", "num_sc", "purpose_oh"], ["features"], axis=1),
        # two rows of coefficients [-w, w] (as skl2onnx writes a binary LogisticRegression)
        helper.make_node("LinearClassifier", ["features"], ["output_label", "probabilities"],
                         domain="ai.onnx.ml", classlabels_ints=[0, 1], post_transform="LOGISTIC",
                         coefficients=np.concatenate([-wa, wa]).tolist(),
                         intercepts=[float(-ba), float(ba)]),
        helper.make_node("ZipMap", ["probabilities"], ["output_probability"], domain="ai.onnx.ml",
                         classlabels_int64s=[0, 1]),
    ],
    "pipeline_logistic",
    [
        helper.make_tensor_value_info("age", TensorProto.FLOAT, [None, 1]),
        helper.make_tensor_value_info("num", TensorProto.FLOAT, [None, 2]),
        helper.make_tensor_value_info("purpose", TensorProto.STRING, [None, 1]),
    ],
    zipmap_outputs(TensorProto.INT64, TensorProto.INT64),
    [oh_shape],
)
p_pipe_log = 1 / (1 + np.exp(-(FA.astype(np.float64) @ wa.astype(np.float64) + float(ba))))

# pipeline_trees.onnx: inputs numeric float [N, 1] = [age] and categorical string [N, 2] =
# [purpose, term] (columns taken apart by ArrayFeatureExtractor, as skl2onnx does); a 4-tree
# TreeEnsembleClassifier with string classes [default, repaid] and ZipMap with string keys.
# Every leaf holds a weight for both classes (-v/2, +v/2) and SOFTMAX gives P(repaid) =
# sigmoid(sum of v). The prior is folded into the first tree's leaves (each row reaches one of
# them) rather than given as base_values: ONNX Runtime's two-class case with base_values adds
# base_values[1] to the class-0 sum (sigmoid(prior - sum of v) here, seen on 1.20).
TERMS = ["36m", "60m"]
FB = np.column_stack([age, onehot(PURPOSES), np.stack([(term == t).astype(float) for t in TERMS], axis=1)]).astype(np.float32)
gbb = GradientBoostingClassifier(n_estimators=4, max_depth=2, learning_rate=0.5, random_state=0).fit(FB, y)
tb = tree_attrs(gbb, lambda v: [(0, -v / 2), (1, v / 2)])
first = [k for k, t in enumerate(tb["class_treeids"]) if t == 0]
for k in first:  # weights are float32 already; the prior's half joins them in float32
    tb["class_weights"][k] = float(np.float32(tb["class_weights"][k]) + np.float32(
        prior / 2 if tb["class_ids"][k] == 1 else -prior / 2))
idx = [helper.make_tensor(f"col{k}", TensorProto.INT64, [1], [k]) for k in range(2)]
oh0, s0 = one_hot("c0", PURPOSES, "purpose_oh")
oh1, s1 = one_hot("c1", TERMS, "term_oh")
save(
    [
        helper.make_node("ArrayFeatureExtractor", ["categorical", "col0"], ["c0"], domain="ai.onnx.ml"),
        helper.make_node("ArrayFeatureExtractor", ["categorical", "col1"], ["c1"], domain="ai.onnx.ml"),
        *oh0, *oh1,
        helper.make_node("Concat", ["numeric", "purpose_oh", "term_oh"], ["features"], axis=1),
        helper.make_node("TreeEnsembleClassifier", ["features"], ["output_label", "probabilities"],
                         domain="ai.onnx.ml", classlabels_strings=["default", "repaid"],
                         post_transform="SOFTMAX", **tb),
        helper.make_node("ZipMap", ["probabilities"], ["output_probability"], domain="ai.onnx.ml",
                         classlabels_strings=["default", "repaid"]),
    ],
    "pipeline_trees",
    [
        helper.make_tensor_value_info("numeric", TensorProto.FLOAT, [None, 1]),
        helper.make_tensor_value_info("categorical", TensorProto.STRING, [None, 2]),
    ],
    zipmap_outputs(TensorProto.STRING, TensorProto.STRING),
    [*idx, s0, s1],
)
# class scores are -m and m (m = the half margin), so softmax gives P(repaid) = sigmoid(2m)
p_pipe_trees = 1 / (1 + np.exp(-2 * tree_margin(gbb, FB, prior / 2, 0.5)))

with open(os.path.join(HERE, "predictions.csv"), "w") as f:
    f.write("row_id,xgb,logistic_onnx,trees_onnx,pipeline_logistic,pipeline_trees\n")
    for i in range(N):
        f.write(f"{ids[i]},{p_xgb[i]!r},{p_log[i]!r},{p_trees[i]!r},{p_pipe_log[i]!r},{p_pipe_trees[i]!r}\n")
print("wrote fixtures; xgboost", xgb.__version__, "onnx", onnx.__version__)
