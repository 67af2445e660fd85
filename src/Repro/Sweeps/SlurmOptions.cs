namespace Repro.Sweeps;

/// <summary>Resource requests and naming of the Slurm array a sweep is submitted as.</summary>
public sealed record SlurmOptions
{
    /// <summary>At most this many tasks at once (<c>%M</c> of <c>--array</c>); null = all at once.</summary>
    public int? MaxParallel { get; init; }
    /// <summary>CPUs per task; null = the plan's thread count.</summary>
    public int? CpusPerTask { get; init; }
    /// <summary>Memory per task (<c>--mem</c>, e.g. <c>8G</c>); null = the cluster's default.</summary>
    public string? Memory { get; init; }
    /// <summary>GPUs per task (<c>--gres=gpu:N</c>); 0 = none.</summary>
    public int Gpus { get; init; }
    /// <summary>Time limit per task (<c>--time</c>, e.g. <c>01:00:00</c>); null = the partition's.</summary>
    public string? Time { get; init; }
    /// <summary>Partition (<c>--partition</c>); null = the cluster's default.</summary>
    public string? Partition { get; init; }
    /// <summary>Account (<c>--account</c>); null = the user's default.</summary>
    public string? Account { get; init; }
    /// <summary>The command that starts <c>repro</c> on the compute nodes (e.g. <c>repro</c>, or <c>dotnet /opt/repro/repro.dll</c>).</summary>
    public string ReproCommand { get; init; } = "repro";
}
