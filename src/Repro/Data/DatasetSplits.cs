namespace Repro.Data;

/// <summary>The three splits of a dataset, with where they came from. Owns its sets.</summary>
/// <param name="Train">Training split.</param>
/// <param name="Val">Validation split (model selection, thresholds).</param>
/// <param name="Test">Test split (reported once).</param>
/// <param name="Source">Where the data came from: a folder path, or <c>synthetic(seed=…,scale=…)</c>.</param>
/// <param name="Fingerprint">Hash of the decoded content and decode settings (hex, 16 chars).</param>
/// <param name="Skipped">Files left out under an explicit skip option.</param>
public sealed record DatasetSplits(TensorSet Train, TensorSet Val, TensorSet Test, string Source, string Fingerprint,
    IReadOnlyList<SkippedFile> Skipped) : IDisposable
{
    /// <summary>The split called <paramref name="name"/> (train, val, test).</summary>
    public TensorSet this[string name] => name switch
    {
        "train" => Train,
        "val" => Val,
        "test" => Test,
        _ => throw new ArgumentException($"unknown split '{name}'"),
    };

    /// <summary>Disposes the three sets.</summary>
    public void Dispose()
    {
        Train.Dispose();
        Val.Dispose();
        Test.Dispose();
    }
}
