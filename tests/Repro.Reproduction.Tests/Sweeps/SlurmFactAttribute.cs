namespace Repro.Reproduction.Tests.Sweeps;

/// <summary>
/// A fact that needs a local Slurm (slurm-wlm + munge, run as root). On a developer's machine without it, it is skipped
/// with the reason; under CI (<c>CI=true</c>) it always runs, so a broken install fails instead of passing unseen.
/// </summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (IsCi) return;
        var missing = SlurmCluster.Missing();
        if (missing.Count > 0) Skip = "no local Slurm: " + string.Join("; ", missing) + " (under CI=true this test fails instead)";
    }

    /// <summary>True under CI.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
