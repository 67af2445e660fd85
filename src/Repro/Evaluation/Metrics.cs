using Repro.Data;

namespace Repro.Evaluation;

/// <summary>
/// The one implementation of every metric, equal to scikit-learn 1.2's definitions (checked to 1e-9
/// against reference cases made by Debian's python3-sklearn):
/// <list type="bullet">
/// <item>accuracy: <c>accuracy_score</c>; balanced accuracy: <c>balanced_accuracy_score</c> (mean recall
/// over the classes present in the true labels; a class only predicted is left out, where scikit-learn warns).</item>
/// <item>per class precision, recall, F1: <c>precision_recall_fscore_support(zero_division=0)</c>;
/// specificity and NPV use the same convention (0 for a zero denominator).</item>
/// <item>macro F1: <c>f1_score(average="macro", zero_division=0)</c> without <c>labels</c>, i.e. over the
/// classes present in the true or predicted labels; weighted F1: <c>average="weighted"</c>.</item>
/// <item>MCC: <c>matthews_corrcoef</c> (0 when undefined).</item>
/// <item>ROC AUC: <c>roc_auc_score</c> one-vs-rest per class (ties count one half, as the trapezoid over
/// distinct thresholds does); macro = <c>roc_auc_score(multi_class="ovr", average="macro")</c>. Where
/// scikit-learn raises (a class absent from, or the only class of, the true labels) the value is null.</item>
/// <item>average precision: <c>average_precision_score</c> (step-wise). Null for a class with no sample,
/// where scikit-learn warns and returns 0 — a deliberate difference.</item>
/// <item>log loss: <c>log_loss(labels=[0,1,2])</c> as in 1.2: clip to [ε, 1−ε] with ε = 2⁻⁵² (float64
/// machine epsilon), renormalise rows, mean −log p(true). (scikit-learn ≥ 1.5 no longer renormalises
/// after clipping; values differ only for probabilities within ε of 0 or 1.)</item>
/// <item>Brier: mean over samples of Σₖ (pₖ − [y = k])² (scikit-learn ≥ 1.7's multi-class
/// <c>brier_score_loss</c>; computed with numpy in the reference).</item>
/// <item>ECE: 15 bins of width 1/15 on the top probability, bin b = (b/15, (b+1)/15];
/// Σ (n_b / n)·|accuracy_b − mean confidence_b|.</item>
/// </list>
/// The predicted class is the arg-max, lowest index on ties (numpy). Probabilities are used as given; they must be
/// finite, non-negative and not all zero. A predictions file's row that does not sum to 1 is divided by its sum
/// for log loss, Brier and ECE (and the arg-max, which the division does not change), while ROC AUC and average
/// precision rank the scores as written (<see cref="Prediction.RawScores"/>), as scikit-learn does.
/// </summary>
public static class Metrics
{
    /// <summary>Float64 machine epsilon, scikit-learn 1.2's <c>log_loss</c> clipping bound.</summary>
    public const double LogLossEpsilon = 2.220446049250313e-16;

    /// <summary>Number of equal-width bins of the expected calibration error.</summary>
    public const int EceBins = 15;

    /// <summary>Every metric of <paramref name="predictions"/>; intervals when <paramref name="options"/> asks.</summary>
    public static MetricReport Compute(IReadOnlyList<Prediction> predictions, MetricOptions? options = null)
    {
        options ??= new MetricOptions();
        if (options.BootstrapResamples < 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.BootstrapResamples, "bootstrap resamples must be 0 (off) or more");
        double z = WilsonInterval.ZFor(options.Confidence);
        var table = new PredictionTable(predictions);
        int n = table.Count, k = ClassLabels.Count;
        var cm = ConfusionMatrix.From(table.Labels, table.Predicted, table.Ones);

        var classes = new ClassMetrics[k];
        for (int c = 0; c < k; c++)
        {
            int tp = cm.TruePositives(c), fp = cm.FalsePositives(c), fn = cm.FalseNegatives(c), tn = cm.TrueNegatives(c);
            double precision = Ratio(tp, tp + fp), recall = Ratio(tp, tp + fn);
            classes[c] = new ClassMetrics(
                Name: ClassLabels.Names[c],
                Support: tp + fn,
                Precision: precision,
                Recall: recall,
                F1: F1(precision, recall),
                Specificity: Ratio(tn, tn + fp),
                Npv: Ratio(tn, tn + fn),
                RocAuc: Ranking.RocAuc(table.Orders[c], table.RankScores[c], table.Positive[c], table.Ones),
                AveragePrecision: Ranking.AveragePrecision(table.Orders[c], table.RankScores[c], table.Positive[c], table.Ones),
                RecallCi: WilsonInterval.Compute(tp, tp + fn, z),
                SpecificityCi: WilsonInterval.Compute(tn, tn + fp, z));
        }

        double weightedF1 = 0;
        for (int c = 0; c < k; c++) weightedF1 += classes[c].F1 * classes[c].Support;
        weightedF1 /= n;

        BootstrapResult? bootstrap = options.BootstrapResamples > 0
            ? Bootstrap.Compute(predictions, options.BootstrapResamples, options.Seed, options.Confidence)
            : null;

        return new MetricReport(
            N: n,
            Accuracy: (double)cm.Correct / n,
            BalancedAccuracy: BalancedAccuracy(cm),
            MacroF1: MacroF1(cm),
            WeightedF1: weightedF1,
            Mcc: Mcc(cm),
            MacroRocAuc: MacroRocAuc(table, table.Ones),
            Brier: Brier(table),
            LogLoss: LogLoss(table),
            Ece: Ece(table),
            ConfusionMatrix: cm.ToRows(),
            Classes: classes,
            Intervals: bootstrap?.Intervals,
            Bootstrap: bootstrap?.Settings,
            Lesion: LesionMetrics.Compute(predictions, options));
    }

    /// <summary>
    /// The bootstrapped metrics (<see cref="MetricNames.Bootstrapped"/> order) of the table with
    /// per-sample multiplicities; null where undefined (a class absent from the resample).
    /// </summary>
    internal static double?[] Headline(PredictionTable table, int[] weights)
    {
        var cm = ConfusionMatrix.From(table.Labels, table.Predicted, weights);
        var values = new double?[4 + ClassLabels.Count];
        values[0] = (double)cm.Correct / cm.Total;
        values[1] = BalancedAccuracy(cm);
        values[2] = MacroF1(cm);
        values[3] = MacroRocAuc(table, weights);
        for (int c = 0; c < ClassLabels.Count; c++)
        {
            int support = cm.Support(c);
            values[4 + c] = support == 0 ? null : (double)cm.TruePositives(c) / support;
        }
        return values;
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;

    // As scikit-learn: (1 + β²)·P·R / (β²·P + R), 0 when P + R = 0.
    private static double F1(double precision, double recall)
    {
        double denominator = precision + recall;
        return denominator == 0 ? 0 : 2 * precision * recall / denominator;
    }

    private static double BalancedAccuracy(ConfusionMatrix cm)
    {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < cm.ClassCount; c++)
        {
            int support = cm.Support(c);
            if (support == 0) continue;
            sum += (double)cm.TruePositives(c) / support;
            present++;
        }
        return sum / present;
    }

    private static double MacroF1(ConfusionMatrix cm)
    {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < cm.ClassCount; c++)
        {
            int support = cm.Support(c), predicted = cm.PredictedCount(c), tp = cm.TruePositives(c);
            if (support == 0 && predicted == 0) continue;
            sum += F1(Ratio(tp, predicted), Ratio(tp, support));
            present++;
        }
        return sum / present;
    }

    private static double Mcc(ConfusionMatrix cm)
    {
        double n = cm.Total, correct = cm.Correct, tp = 0, pp = 0, tt = 0;
        for (int c = 0; c < cm.ClassCount; c++)
        {
            double t = cm.Support(c), p = cm.PredictedCount(c);
            tp += t * p;
            pp += p * p;
            tt += t * t;
        }
        double covTrueTrue = n * n - tt, covPredPred = n * n - pp, covTruePred = correct * n - tp;
        return covPredPred * covTrueTrue == 0 ? 0 : covTruePred / Math.Sqrt(covTrueTrue * covPredPred);
    }

    private static double? MacroRocAuc(PredictionTable table, int[] weights)
    {
        double sum = 0;
        for (int c = 0; c < ClassLabels.Count; c++)
        {
            double? auc = Ranking.RocAuc(table.Orders[c], table.RankScores[c], table.Positive[c], weights);
            if (auc is null) return null;
            sum += auc.Value;
        }
        return sum / ClassLabels.Count;
    }

    private static double Brier(PredictionTable table)
    {
        double sum = 0;
        for (int i = 0; i < table.Count; i++)
        {
            double row = 0;
            for (int c = 0; c < ClassLabels.Count; c++)
            {
                double d = table.Scores[c][i] - (table.Labels[i] == c ? 1 : 0);
                row += d * d;
            }
            sum += row;
        }
        return sum / table.Count;
    }

    private static double LogLoss(PredictionTable table)
    {
        double sum = 0;
        for (int i = 0; i < table.Count; i++)
        {
            double rowSum = 0;
            for (int c = 0; c < ClassLabels.Count; c++) rowSum += Math.Clamp(table.Scores[c][i], LogLossEpsilon, 1 - LogLossEpsilon);
            double p = Math.Clamp(table.Scores[table.Labels[i]][i], LogLossEpsilon, 1 - LogLossEpsilon) / rowSum;
            sum += -Math.Log(p);
        }
        return sum / table.Count;
    }

    private static double Ece(PredictionTable table)
    {
        // Bin edges as numpy.linspace(0, 1, 16): i·(1/15), the last exactly 1.
        var edges = new double[EceBins + 1];
        for (int b = 0; b < EceBins; b++) edges[b] = b * (1.0 / EceBins);
        edges[EceBins] = 1.0;
        var count = new int[EceBins];
        var correct = new int[EceBins];
        var confidence = new double[EceBins];
        for (int i = 0; i < table.Count; i++)
        {
            double top = table.Scores[table.Predicted[i]][i];
            int bin = 0;
            while (bin < EceBins - 1 && !(top <= edges[bin + 1])) bin++;
            count[bin]++;
            confidence[bin] += top;
            if (table.Predicted[i] == table.Labels[i]) correct[bin]++;
        }
        double ece = 0;
        for (int b = 0; b < EceBins; b++)
        {
            if (count[b] == 0) continue;
            ece += (double)count[b] / table.Count * Math.Abs((double)correct[b] / count[b] - confidence[b] / count[b]);
        }
        return ece;
    }
}
