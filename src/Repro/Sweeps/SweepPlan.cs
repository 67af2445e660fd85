using Repro.IO;

namespace Repro.Sweeps;

/// <summary>
/// An ordered list of complete run specs (<see cref="SweepEntry"/>) and the run options they share, written as
/// <c>plan.json</c> in the sweep's folder. Entry I of one plan is the same run on any machine: same preset
/// settings (checked by hash before it runs), same seed, same result path.
/// </summary>
public sealed record SweepPlan
{
    /// <summary>Name of the plan file in a sweep folder.</summary>
    public const string FileName = "plan.json";

    /// <summary>Version of this file's layout.</summary>
    public int SchemaVersion { get; init; } = 1;
    /// <summary>Short hash of the entries (names the Slurm job and the Kubernetes Job).</summary>
    public required string PlanHash { get; init; }
    /// <summary>Dataset folder relative to the plan's folder; null = the embedded synthetic set.</summary>
    public string? Data { get; init; }
    /// <summary>Scale of the synthetic set (when <see cref="Data"/> is null).</summary>
    public double SyntheticScale { get; init; } = 0.25;
    /// <summary>Device of every run; null = each preset's.</summary>
    public string? Device { get; init; }
    /// <summary>Per-epoch checkpoints.</summary>
    public bool WriteCheckpoints { get; init; } = true;
    /// <summary>Leave unreadable image files out instead of stopping the load.</summary>
    public bool SkipBadFiles { get; init; }
    /// <summary>Intra-op threads of every run.</summary>
    public int Threads { get; init; } = 2;
    /// <summary>CPU instruction set of every run.</summary>
    public string CpuIsa { get; init; } = "avx2";
    /// <summary>Deterministic algorithms.</summary>
    public bool Deterministic { get; init; } = true;
    /// <summary>The runs, by index.</summary>
    public required IReadOnlyList<SweepEntry> Entries { get; init; }

    /// <summary>The plan file of a sweep folder.</summary>
    public static string PathIn(string sweepDirectory) => Path.Combine(sweepDirectory, FileName);

    /// <summary>True when <paramref name="directory"/> holds a sweep plan.</summary>
    public static bool IsSweep(string directory) => File.Exists(PathIn(directory));

    /// <summary>
    /// Writes the plan into the sweep folder <paramref name="sweepDirectory"/>; the folder may already hold this very
    /// plan (writing it again changes nothing), never another one: a sweep folder belongs to one plan.
    /// </summary>
    /// <returns>The plan file.</returns>
    public string SaveIn(string sweepDirectory)
    {
        string path = PathIn(sweepDirectory);
        if (File.Exists(path))
        {
            var existing = Read(path);
            if (ReproJson.Serialize(existing) != ReproJson.Serialize(this))
                throw new InvalidOperationException($"{sweepDirectory} already holds sweep {existing.PlanHash} ({existing.Entries.Count} entries), " +
                                                    $"not this plan ({PlanHash}); choose another --out folder (nothing was changed)");
            return path;
        }
        Write(path);
        return path;
    }

    /// <summary>Writes the plan atomically.</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, ReproJson.Serialize(this) + "\n");

    /// <summary>Reads a plan file; a clear error names the file if it is not one.</summary>
    public static SweepPlan Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"sweep plan {path} does not exist (make one with `repro sweep`)", path);
        var plan = ReproJson.Deserialize<SweepPlan>(File.ReadAllText(path), path);
        if (plan.SchemaVersion != 1) throw new InvalidDataException($"{path}: sweep plan schema {plan.SchemaVersion} is not supported (expected 1)");
        for (int i = 0; i < plan.Entries.Count; i++)
            if (plan.Entries[i].Index != i) throw new InvalidDataException($"{path}: entry {i} says index {plan.Entries[i].Index}; entries must be numbered 0..{plan.Entries.Count - 1} in order");
        return plan;
    }

    /// <summary>Entry <paramref name="index"/>; a clear error gives the valid range.</summary>
    public SweepEntry Entry(int index) =>
        index >= 0 && index < Entries.Count ? Entries[index]
            : throw new ArgumentException($"index {index} is outside this plan's entries 0..{Entries.Count - 1}");
}
