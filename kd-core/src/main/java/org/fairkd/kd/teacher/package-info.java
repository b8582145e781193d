/**
 * The teacher ensemble: Tribuo members and DJL MLP members configured in YAML, combined by a
 * probability or logit average with weights fitted on the validation split, out-of-fold soft
 * targets, save/load, and an external teacher read from a scores file.
 *
 * <p><b>Configuration</b>: the {@code teacher:} section, parsed by {@link
 * org.fairkd.kd.teacher.TeacherConfig#fromNode}; a complete example with every key is the resource
 * {@code org/fairkd/kd/teacher/teacher-example.yaml}. Member types and hyper-parameters: {@link
 * org.fairkd.kd.teacher.MemberType}.
 *
 * <p><b>Training</b> ({@link org.fairkd.kd.teacher.TeacherTrainer#fit}): members on all training
 * rows; weights on the simplex minimising validation log loss ({@link
 * org.fairkd.kd.teacher.WeightFitter}), so the ensemble's validation log loss is never above its
 * best member's; soft targets out of fold (k stratified folds) or in sample.
 *
 * <p><b>Saved teacher</b> ({@link org.fairkd.kd.teacher.TeacherEnsemble#save}), a directory:
 *
 * <pre>
 * teacher.json             {"format": "fairkd-teacher", "version": 1, "combination": "logit",
 *                           "weights": [0.17, 0.23, 0.60],
 *                           "feature_names": ["age", "sex=female", ...],
 *                           "config": {the teacher section, every parameter explicit},
 *                           "members": [{"name": "logistic", "type": "logistic",
 *                                        "file": "members/logistic.tribuo"}, ...]}
 *                           (a naive_bayes member also has "offsets": [per-feature shift])
 * members/NAME.tribuo      Tribuo protobuf model (Model.serializeToFile)
 * members/NAME.json        an mlp member: {"format": "fairkd.teacher-mlp", "version": 1,
 *                           "architecture": "64x64", "layers": [{"weights", "bias"}], "training"}
 * provenance.json          {"tribuo member": [OLCUT-marshalled Tribuo provenance objects],
 *                           "mlp member": {"type": "mlp", "architecture", "hyper_parameters",
 *                                          "seed", "epochs_trained", "best_epoch", "holdout_auc", ...}}
 * </pre>
 *
 * <p><b>External teacher</b> ({@link org.fairkd.kd.teacher.ExternalTeacher}): a CSV with a header,
 * an id column and a score column in [0, 1], e.g.
 *
 * <pre>
 * row_id,teacher_score
 * train:0,0.82
 * train:1,0.10
 * </pre>
 *
 * <p><b>Benchmark</b>: {@code TeacherBenchmark} (kd-core's test sources; see the README) prints
 * every member's and the ensemble's test AUC, the fitted weights, training and out-of-fold seconds,
 * latency and size.
 */
package org.fairkd.kd.teacher;
