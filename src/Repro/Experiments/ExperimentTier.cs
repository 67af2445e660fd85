namespace Repro.Experiments;

/// <summary>Where an experiment's snapshots are verified.</summary>
public enum ExperimentTier
{
    /// <summary>On a CPU within the default <c>dotnet test</c>.</summary>
    Cpu,
    /// <summary>On a CPU, but too long for the default run: opt in with <c>REPRO_LONG=1</c> and the <c>Tier=long</c> filter.</summary>
    Long,
    /// <summary>On a GPU, recorded per device class (<c>.cuda-sm90</c>): the published CLI runs it on a host without the SDK.</summary>
    Gpu,
}
