#!/usr/bin/python3
"""Reference cases for Repro's metrics, computed by scikit-learn.

Run with Debian's scikit-learn (apt-get install python3-sklearn; 1.2.1 in Debian 12):
    /usr/bin/python3 tests/Repro.Tests/Evaluation/Reference/make_reference.py

For each case it writes cases/NAME.csv (the predictions file `repro evaluate` reads) and
cases/NAME.expected.json (what scikit-learn says about it). The C# tests read both and require
equality to 1e-9. Probabilities are written with repr() (round-trip), so both sides see the same
doubles; rows whose sum is not within 1e-6 of 1 are divided by their sum, as PredictionsCsv does, for the
probability metrics (log loss, Brier, ECE), while ROC AUC and average precision rank the scores as written.

Where scikit-learn has no function, numpy computes the definition: Brier (mean over samples of the
squared distance to the one-hot label), ECE (15 equal-width bins on the top probability),
specificity and NPV (from confusion_matrix, 0 for a zero denominator). The lesion block is benign vs cancer
on the rows whose label is not normal: roc_auc_score and balanced_accuracy_score of the score
p_cancer / (p_benign + p_cancer) (1/2 when both are 0; the call: cancer when it beats the benign share),
null when the lesion rows lack a benign or a cancer row. Where scikit-learn raises
(ROC AUC of a class absent from y_true) or only warns and returns 0 (average precision of a class
with no positive sample), the expected value is null.
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, average_precision_score, balanced_accuracy_score,
                             confusion_matrix, f1_score, log_loss, matthews_corrcoef,
                             precision_recall_fscore_support, recall_score, roc_auc_score)

NAMES = ["normal", "benign", "cancer"]
LABELS = [0, 1, 2]
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "cases")


def dirichlet_with_signal(rng, y, strength):
    """Probabilities that lean towards the true class by `strength` (0 = pure noise)."""
    alpha = np.ones((len(y), 3))
    alpha[np.arange(len(y)), y] += strength
    g = rng.gamma(alpha)
    return g / g.sum(axis=1, keepdims=True)


def case_random(rng):
    y = rng.integers(0, 3, 200)
    return y, dirichlet_with_signal(rng, y, 1.5), None


def case_study_imbalance(rng):
    y = np.array([0] * 267 + [1] * 20 + [2] * 18)
    rng.shuffle(y)
    return y, dirichlet_with_signal(rng, y, 2.0), None


def case_grouped(rng):
    # 60 patients with 1-3 images each, the label shared by the patient's images
    y, groups = [], []
    for patient in range(60):
        label = rng.choice(3, p=[0.7, 0.15, 0.15])
        for _ in range(rng.integers(1, 4)):
            y.append(label)
            groups.append(f"P{patient:03d}")
    y = np.array(y)
    return y, dirichlet_with_signal(rng, y, 1.0), groups


def case_ties(rng):
    # rows drawn from a few exact vectors: many ties in every column and some arg-max ties
    grid = np.array([[0.5, 0.25, 0.25], [0.25, 0.5, 0.25], [0.25, 0.25, 0.5],
                     [0.5, 0.5, 0.0], [0.75, 0.125, 0.125], [0.125, 0.125, 0.75], [0.5, 0.0, 0.5]])
    y = rng.integers(0, 3, 120)
    return y, grid[rng.integers(0, len(grid), len(y))], None


def case_all_tied(rng):
    y = np.array([0] * 30 + [1] * 6 + [2] * 4)
    rng.shuffle(y)
    return y, np.full((len(y), 3), 1.0 / 3.0), None


def case_never_predicted(rng):
    # benign always gets the smallest probability, so it is never the arg-max
    y = rng.integers(0, 3, 90)
    p = dirichlet_with_signal(rng, y, 1.0)
    p[:, 1] = np.minimum(p[:, 0], p[:, 2]) * rng.uniform(0.1, 0.9, len(y))
    return y, p / p.sum(axis=1, keepdims=True), None


def case_class_absent(rng):
    # no benign label at all, but benign is sometimes predicted
    y = rng.choice([0, 2], 80, p=[0.8, 0.2])
    return y, dirichlet_with_signal(rng, y, 1.0), None


def case_perfect(rng):
    y = rng.integers(0, 3, 45)
    return y, np.eye(3)[y], None


def case_confident_wrong(rng):
    # exact 0/1 probabilities, some wrong: log loss hits the eps clip
    y = rng.integers(0, 3, 50)
    wrong = (y + rng.integers(1, 3, len(y))) % 3
    pred = np.where(rng.uniform(size=len(y)) < 0.3, wrong, y)
    return y, np.eye(3)[pred], None


def case_unnormalised(rng):
    # scores that do not sum to 1: PredictionsCsv renormalises them
    y = rng.integers(0, 3, 100)
    s = rng.uniform(0.0, 10.0, (len(y), 3))
    s[np.arange(len(y)), y] += 3.0
    return y, s, None


def case_lesion_edge(rng):
    # lesion rows whose benign and cancer shares tie, rows with no lesion mass at all (p = [1, 0, 0]),
    # scores tied across rows, and patients with several images
    y, groups = [], []
    for patient in range(40):
        label = rng.choice(3, p=[0.4, 0.3, 0.3])
        for _ in range(rng.integers(1, 4)):
            y.append(label)
            groups.append(f"P{patient:03d}")
    y = np.array(y)
    p = dirichlet_with_signal(rng, y, 1.0)
    kind = rng.integers(0, 5, len(y))
    p[kind == 0] = [1.0, 0.0, 0.0]
    p[kind == 1] = [0.5, 0.25, 0.25]
    p[kind == 2] = [0.2, 0.2, 0.6]
    return y, p, groups


CASES = [
    ("random", 1, case_random),
    ("study_imbalance", 2, case_study_imbalance),
    ("grouped", 3, case_grouped),
    ("ties", 4, case_ties),
    ("all_tied", 5, case_all_tied),
    ("never_predicted", 6, case_never_predicted),
    ("class_absent", 7, case_class_absent),
    ("perfect", 8, case_perfect),
    ("confident_wrong", 9, case_confident_wrong),
    ("unnormalised", 10, case_unnormalised),
    ("lesion_edge", 11, case_lesion_edge),
]


def renormalise(p):
    p = p.copy()
    for i in range(len(p)):
        s = p[i, 0] + p[i, 1] + p[i, 2]
        if abs(s - 1.0) > 1e-6:
            p[i] = p[i] / s
    return p


def or_none(f):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            v = float(f())
        except ValueError:
            return None
    return None if np.isnan(v) else v


def ece(y, p, bins=15):
    conf = p.max(axis=1)
    correct = (p.argmax(axis=1) == y).astype(float)
    edges = np.linspace(0.0, 1.0, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        mask = (conf > lo) & (conf <= hi)
        if mask.any():
            total += mask.mean() * abs(correct[mask].mean() - conf[mask].mean())
    return float(total)


def lesion(y, p):
    m = y != 0
    yl, pb, pc = y[m] == 2, p[m, 1], p[m, 2]
    if yl.all() or not yl.any():
        return None
    total = pb + pc
    safe = np.where(total > 0, total, 1.0)
    score = np.where(total > 0, pc / safe, 0.5)
    call = np.where(total > 0, pc / safe > pb / safe, False)
    return {
        "n": int(m.sum()),
        "roc_auc": float(roc_auc_score(yl, score)),
        "balanced_accuracy": float(balanced_accuracy_score(yl, call)),
        "cancer_sensitivity": float(recall_score(yl, call)),
        "benign_specificity": float(recall_score(~yl, ~call)),
    }


def macro_binary_auc(y, raw):
    aucs = [or_none(lambda k=k: roc_auc_score(y == k, raw[:, k])) for k in LABELS]
    return None if any(a is None for a in aucs) else float(np.mean(aucs))


def expected(y, p, raw):
    """p: rows divided by their sum where they do not sum to 1 (log loss, Brier, ECE, arg-max); raw: the scores
    as written, which ROC AUC and AP rank, as scikit-learn ranks whatever scores it is given."""
    yp = p.argmax(axis=1)
    cm = confusion_matrix(y, yp, labels=LABELS)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        prec, rec, f1, support = precision_recall_fscore_support(y, yp, labels=LABELS, average=None, zero_division=0)
        balanced = balanced_accuracy_score(y, yp)
        macro_f1 = f1_score(y, yp, average="macro", zero_division=0)
        weighted_f1 = f1_score(y, yp, average="weighted", zero_division=0)
    n = len(y)
    classes = []
    for k in LABELS:
        tp = cm[k, k]
        fp = cm[:, k].sum() - tp
        fn = cm[k, :].sum() - tp
        tn = n - tp - fp - fn
        positives = int((y == k).sum())
        classes.append({
            "name": NAMES[k],
            "support": int(support[k]),
            "precision": float(prec[k]),
            "recall": float(rec[k]),
            "f1": float(f1[k]),
            "specificity": float(tn / (tn + fp)) if tn + fp else 0.0,
            "npv": float(tn / (tn + fn)) if tn + fn else 0.0,
            "roc_auc": or_none(lambda: roc_auc_score(y == k, raw[:, k])),
            "average_precision": None if positives == 0 else or_none(lambda: average_precision_score(y == k, raw[:, k])),
        })
    return {
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "n": n,
        "accuracy": float(accuracy_score(y, yp)),
        "balanced_accuracy": float(balanced),
        "macro_f1": float(macro_f1),
        "weighted_f1": float(weighted_f1),
        "mcc": float(matthews_corrcoef(y, yp)),
        # one-vs-rest macro: scikit-learn's multi_class="ovr" needs rows summing to 1, so on raw scores it is
        # the mean of the per-class binary AUCs (which is what "ovr" averages)
        "macro_roc_auc": or_none(lambda: roc_auc_score(y, p, multi_class="ovr", average="macro", labels=LABELS))
        if np.array_equal(p, raw) else macro_binary_auc(y, raw),
        "brier": float(np.mean(np.sum((p - np.eye(3)[y]) ** 2, axis=1))),
        "log_loss": float(log_loss(y, p, labels=LABELS)),
        "ece": ece(y, p),
        "confusion_matrix": cm.tolist(),
        "classes": classes,
        "lesion": lesion(y, p),
    }


def write_case(name, y, raw, groups):
    os.makedirs(OUT, exist_ok=True)
    header = "id,label,p_normal,p_benign,p_cancer" + (",group" if groups else "")
    lines = [header]
    for i in range(len(y)):
        row = [f"img{i:04d}", NAMES[y[i]]] + [repr(float(v)) for v in raw[i]]
        if groups:
            row.append(groups[i])
        lines.append(",".join(row))
    with open(os.path.join(OUT, name + ".csv"), "w", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    # what the C# side sees: the same doubles, renormalised the same way for the probability metrics
    parsed = np.array([[float(repr(float(v))) for v in row] for row in raw])
    result = expected(np.asarray(y), renormalise(parsed), parsed)
    with open(os.path.join(OUT, name + ".expected.json"), "w", newline="\n") as f:
        json.dump({"case": name, **result}, f, indent=2, allow_nan=False)
        f.write("\n")


def main():
    for name, seed, make in CASES:
        y, p, groups = make(np.random.default_rng(seed))
        write_case(name, np.asarray(y, dtype=int), np.asarray(p, dtype=float), groups)
        print(f"{name}: n={len(y)}")


if __name__ == "__main__":
    main()
