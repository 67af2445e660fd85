namespace Repro.Training.Presets;

/// <summary>
/// Which files belong to a run: result, predictions and checkpoints are named by the preset, a short settings
/// hash (<see cref="PresetHash"/>) and the seed, so <c>--set</c> variants of one preset live side by side and a
/// rerun of identical settings finds its own files.
/// </summary>
public static class ResultIdentity
{
    /// <summary>The file stem of a run: <c>{preset}-{settings hash}-seed{seed}</c> (e.g. <c>q1-cnn-smoke-0123456789ab-seed42</c>).</summary>
    public static string Stem(Preset preset, long seed) => $"{preset.Name}-{PresetHash.Of(preset)}-seed{seed}";
}
