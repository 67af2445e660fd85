using System.Globalization;
using Repro.Data;
using Repro.Results;

namespace Repro.Cli;

/// <summary>The few lines a person reads after a run, all taken from the result.</summary>
internal static class ResultSummary
{
    public static void Write(TextWriter w, RunResult r)
    {
        var inv = CultureInfo.InvariantCulture;
        var t = r.Test;
        w.WriteLine();
        w.WriteLine($"{r.Preset}  seed {r.Seed}  {r.Model.Architecture}  params {r.Model.Parameters.Total.ToString("N0", inv)} (trainable {r.Model.Parameters.Trainable.ToString("N0", inv)})  on {r.Device}");
        w.WriteLine($"data {r.Data.Source}  fingerprint {r.Data.Fingerprint}  image {r.Data.ImageSize}px  train used {r.Data.TrainUsed}");
        w.WriteLine($"epochs run {r.EpochsRun}{(r.StoppedEarly ? " (early stop)" : "")}, best {r.BestEpoch}; evaluated weights: {r.EvaluatedWeights}");
        w.WriteLine(string.Create(inv, $"test balanced accuracy {t.BalancedAccuracy:F3}{CliFormat.AfterValue(t.Intervals, Evaluation.MetricNames.BalancedAccuracy)}  macro-F1 {t.MacroF1:F3}  accuracy {t.Accuracy:F3}  macro ROC AUC {Fmt(t.MacroRocAuc)}"));
        w.WriteLine($"{"class",-8} {"support",7} {"recall",7} {"precision",9} {"F1",6} {"specificity",11}");
        foreach (var c in t.Classes)
            w.WriteLine(string.Create(inv, $"{c.Name,-8} {c.Support,7} {c.Recall,7:F3} {c.Precision,9:F3} {c.F1,6:F3} {c.Specificity,11:F3}"));
        w.WriteLine("confusion (rows true, cols predicted: " + string.Join("/", ClassLabels.Names) + ")");
        foreach (var (row, i) in t.ConfusionMatrix.Select((row, i) => (row, i)))
            w.WriteLine($"  {ClassLabels.Names[i],-7} " + string.Join(" ", row.Select(v => v.ToString(inv).PadLeft(5))));
        if (t.Lesion is { } l)
            w.WriteLine(string.Create(inv, $"lesions (benign vs cancer, {l.N} images): ROC AUC {l.RocAuc:F3}{CliFormat.AfterValue(l.Intervals, Evaluation.LesionMetrics.RocAuc)}  balanced accuracy {l.BalancedAccuracy:F3}{CliFormat.AfterValue(l.Intervals, Evaluation.LesionMetrics.BalancedAccuracy)}") +
                (r.LesionOperatingPoint is { } lop ? string.Create(inv, $"  cancer sensitivity at the val threshold {lop.Threshold:F3}: {Fmt(lop.Test.Sensitivity)}") : ""));
        if (r.OperatingPoint is { } op)
            w.WriteLine(string.Create(inv, $"cancer operating point (val specificity ≥ {op.TargetSpecificity:F2}): threshold {op.Threshold:F3}, test sensitivity {Fmt(op.Test.Sensitivity)}, specificity {Fmt(op.Test.Specificity)}"));
        w.WriteLine(string.Create(inv, $"time: decode {r.Timings.DecodeSeconds:F1} s, features {r.Timings.FeatureSeconds:F1} s, train {r.Timings.TrainSeconds:F1} s ({r.Timings.TrainImagesPerSecond:F0} img/s), eval {r.Timings.EvalSeconds:F1} s"));
        foreach (var warning in r.Warnings) w.WriteLine("warning: " + warning);
    }

    private static string Fmt(double? v) => v is null ? "n/a" : v.Value.ToString("F3", CultureInfo.InvariantCulture);


}
