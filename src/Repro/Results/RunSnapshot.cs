using System.Globalization;
using System.Text;
using Repro.Data;


namespace Repro.Results;

/// <summary>
/// The snapshot text of a run: what must come out bit for bit. Everything here is deterministic for a
/// seeded run at a pinned thread count and instruction set; wall times and machine facts are left out.
/// Keys in a fixed order, invariant culture, six decimals (bitwise-identical runs print identical text).
/// </summary>
public static class RunSnapshot
{
    public static string Text(RunResult r)
    {
        var inv = CultureInfo.InvariantCulture;
        string F(double v) => v.ToString("F6", inv);
        var sb = new StringBuilder();
        sb.Append("preset: ").Append(r.Preset).Append('\n');
        sb.Append("settings_hash: ").Append(r.SettingsHash).Append('\n');
        sb.Append("seed: ").Append(r.Seed).Append('\n');
        sb.Append("data_fingerprint: ").Append(r.Data.Fingerprint).Append('\n');
        sb.Append("data_counts: ").Append(string.Join(" ", r.Data.Counts.OrderBy(kv => SplitOrder(kv.Key)).Select(kv => $"{kv.Key}={string.Join("/", kv.Value)}"))).Append('\n');
        sb.Append("parameters: total=").Append(r.Model.Parameters.Total).Append(" trainable=").Append(r.Model.Parameters.Trainable)
          .Append(" frozen=").Append(r.Model.Parameters.Frozen).Append('\n');
        if (r.Settings.Speed is { } speed) // only where a preset has speed switches: reference snapshots are unchanged
            sb.Append("speed: ").Append(($"channels_last={speed.ChannelsLast} precision={Repro.IO.ReproJson.Name(speed.Precision)} tf32={speed.Tf32} " +
                $"flat_optimizer={speed.FlatOptimizer} loss_read_interval={speed.LossReadInterval}").ToLowerInvariant()).Append('\n');
        sb.Append("features_cached: ").Append(r.FeaturesCached ? "true" : "false").Append('\n');
        sb.Append("epochs_run: ").Append(r.EpochsRun).Append('\n');
        sb.Append("best_epoch: ").Append(r.BestEpoch).Append('\n');
        sb.Append("evaluated_weights: ").Append(r.EvaluatedWeights).Append('\n');
        sb.Append("val_balanced_accuracy_by_epoch:\n");
        foreach (var h in r.History)
            sb.Append("  ").Append(h.Epoch).Append(": ").Append(F(h.ValBalancedAccuracy))
              .Append("  train_loss ").Append(F(h.TrainLoss)).Append("  lr ").Append(h.LearningRates[0].ToString("G6", inv)).Append('\n');
        sb.Append("test_confusion_matrix (rows true, cols predicted: normal benign cancer):\n");
        for (int i = 0; i < r.Test.ConfusionMatrix.Count; i++)
            sb.Append("  ").Append(ClassLabels.Names[i].PadRight(7)).Append(string.Join(" ", r.Test.ConfusionMatrix[i].Select(v => v.ToString(inv).PadLeft(4)))).Append('\n');
        sb.Append("test_per_class:\n");
        foreach (var c in r.Test.Classes)
            sb.Append("  ").Append(c.Name.PadRight(7)).Append(" support ").Append(c.Support)
              .Append("  precision ").Append(F(c.Precision)).Append("  recall ").Append(F(c.Recall))
              .Append("  f1 ").Append(F(c.F1)).Append("  specificity ").Append(F(c.Specificity)).Append('\n');
        sb.Append("test_balanced_accuracy: ").Append(F(r.Test.BalancedAccuracy)).Append('\n');
        sb.Append("test_macro_f1: ").Append(F(r.Test.MacroF1)).Append('\n');
        sb.Append("test_macro_roc_auc: ").Append(r.Test.MacroRocAuc is { } auc ? F(auc) : "n/a").Append('\n');
        sb.Append("val_balanced_accuracy: ").Append(F(r.Validation.BalancedAccuracy)).Append('\n');
        return sb.ToString();
    }

    private static int SplitOrder(string s) => s switch { "train" => 0, "val" => 1, _ => 2 };
}
