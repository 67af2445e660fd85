using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Repro.Cli;

/// <summary>
/// Range checks for typed options, run by the parser: a value out of range is a usage error (exit 2) whose message
/// names the option, before any work starts.
/// </summary>
internal static class OptionChecks
{
    /// <summary>Refuses a value below <paramref name="min"/> or above <paramref name="max"/>.</summary>
    public static Option<int?> Within(this Option<int?> option, int min, int max = int.MaxValue)
    {
        option.Validators.Add(r => { if (TryValue(r, out int? v)) Check(r, option.Name, v, min, max); });
        return option;
    }

    /// <inheritdoc cref="Within(Option{int?}, int, int)"/>
    public static Option<int> Within(this Option<int> option, int min, int max = int.MaxValue)
    {
        option.Validators.Add(r => { if (TryValue(r, out int v)) Check(r, option.Name, v, min, max); });
        return option;
    }

    /// <summary>Refuses a number that is not finite or not above zero.</summary>
    public static Option<double> Positive(this Option<double> option)
    {
        option.Validators.Add(r =>
        {
            if (TryValue(r, out double v) && (!double.IsFinite(v) || v <= 0))
                r.AddError($"{option.Name} must be a positive number, got {v.ToString(CultureInfo.InvariantCulture)}");
        });
        return option;
    }

    /// <summary>The option's value; false when it did not convert (the parser reports that error itself).</summary>
    internal static bool TryValue<T>(OptionResult r, out T value)
    {
        try
        {
            value = r.GetValueOrDefault<T>();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default!;
            return false;
        }
    }

    private static void Check(OptionResult r, string name, int? value, int min, int max)
    {
        if (value is not int v || (v >= min && v <= max)) return;
        r.AddError(max == int.MaxValue
            ? $"{name} must be at least {min}, got {v}"
            : $"{name} must be between {min} and {max}, got {v}");
    }
}
