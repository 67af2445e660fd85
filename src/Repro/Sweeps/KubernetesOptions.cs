namespace Repro.Sweeps;

/// <summary>The container, resources and shared volume of the Kubernetes Indexed Job a sweep runs as.</summary>
public sealed record KubernetesOptions
{
    /// <summary>Container image that has <c>repro</c> (required).</summary>
    public required string Image { get; init; }
    /// <summary>Pods at once; null = all entries at once.</summary>
    public int? Parallelism { get; init; }
    /// <summary>PersistentVolumeClaim of the shared volume (data, cache and results), mounted read-write in every pod.</summary>
    public string VolumeClaim { get; init; } = "repro-shared";
    /// <summary>Where the shared volume is mounted.</summary>
    public string MountPath { get; init; } = "/shared";
    /// <summary>The sweep folder on the shared volume, relative to <see cref="MountPath"/> (the plan's paths are relative to it).</summary>
    public string SweepPath { get; init; } = "sweep";
    /// <summary>CPU request per pod; null = the plan's thread count.</summary>
    public int? Cpus { get; init; }
    /// <summary>Memory request and limit per pod (e.g. <c>8Gi</c>); null = none.</summary>
    public string? Memory { get; init; }
    /// <summary>GPUs per pod (<c>nvidia.com/gpu</c>); 0 = none.</summary>
    public int Gpus { get; init; }
    /// <summary>Retries of one index before it counts as failed.</summary>
    public int RetriesPerIndex { get; init; } = 1;
    /// <summary>The command that starts <c>repro</c> in the image (split on spaces).</summary>
    public string ReproCommand { get; init; } = "repro";
}
