namespace Repro.Reproduction.Tests.Experiments;

/// <summary>
/// A theory of the <c>long</c> tier: CPU runs too long for the default <c>dotnet test</c>. It runs when asked for with
/// <c>REPRO_LONG=1</c> (README: <c>REPRO_LONG=1 dotnet test … --filter "Tier=long"</c>); otherwise it says how.
/// </summary>
public sealed class LongTheoryAttribute : TheoryAttribute
{
    public LongTheoryAttribute()
    {
        if (Environment.GetEnvironmentVariable("REPRO_LONG") is not ("1" or "true"))
            Skip = "long tier: run with REPRO_LONG=1 dotnet test tests/Repro.Reproduction.Tests -c Release --filter \"Tier=long\"";
    }
}
