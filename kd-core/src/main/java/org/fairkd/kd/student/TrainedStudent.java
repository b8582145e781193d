package org.fairkd.kd.student;

/**
 * The outcome of one student training run.
 *
 * @param weights the weights of the best epoch on validation
 * @param bestEpoch 1-based epoch whose weights were kept
 * @param epochsRun epochs trained before early stopping
 * @param validationAuc AUC of the kept weights on the validation rows (true labels)
 * @param validationObjective the monitored validation quantity of the kept weights (lower is
 *     better): the full validation loss for a distilled or penalised student, {@code −AUC} for a
 *     hard-label one (see {@link StudentTrainer#monitorsLoss})
 * @param seconds wall-clock training time
 */
public record TrainedStudent(
    StudentWeights weights,
    int bestEpoch,
    int epochsRun,
    double validationAuc,
    double validationObjective,
    double seconds) {}
