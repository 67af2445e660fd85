namespace Repro.Training.Presets;

/// <summary>
/// A preset with settings out of range, thrown by <see cref="Preset.Validate"/> before anything is loaded. Each of
/// <see cref="Errors"/> names one setting as a user writes it (<c>batch_size (--set batch_size=0) must be ≥ 1</c>);
/// the message lists them all.
/// </summary>
public sealed class PresetValidationException : ArgumentException
{
    /// <summary>A preset that breaks the rules in <paramref name="errors"/> (one line each).</summary>
    public PresetValidationException(IReadOnlyList<string> errors)
        : base(errors.Count == 1 ? errors[0] : "the preset's settings are out of range:\n  " + string.Join("\n  ", errors))
    {
        Errors = errors;
    }

    /// <summary>One line per setting at fault.</summary>
    public IReadOnlyList<string> Errors { get; }
}
