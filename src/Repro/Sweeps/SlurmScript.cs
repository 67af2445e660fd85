using System.Globalization;
using System.Text;

namespace Repro.Sweeps;

/// <summary>
/// The <c>sbatch</c> script of a sweep: one array task per plan entry (<c>SLURM_ARRAY_TASK_ID</c> is the index),
/// a log per task under <c>logs/</c>, resources as options. Submitted from the sweep folder; Slurm schedules,
/// Repro does not.
/// </summary>
public static class SlurmScript
{
    /// <summary>File name of the script in the sweep folder.</summary>
    public const string FileName = "sweep.sbatch";

    /// <summary>The script text for <paramref name="plan"/>.</summary>
    public static string Text(SweepPlan plan, SlurmOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        var inv = CultureInfo.InvariantCulture;
        int n = plan.Entries.Count;
        if (n == 0) throw new ArgumentException("the plan has no entries");
        int parallel = options.MaxParallel ?? n;
        if (parallel < 1) throw new ArgumentException($"max parallel tasks must be at least 1 (got {parallel})");
        int cpus = options.CpusPerTask ?? plan.Threads;
        if (cpus < 1) throw new ArgumentException($"CPUs per task must be at least 1 (got {cpus})");
        if (options.Gpus < 0) throw new ArgumentException($"GPUs per task must not be negative (got {options.Gpus})");
        if (string.IsNullOrWhiteSpace(options.ReproCommand)) throw new ArgumentException("the repro command must not be empty");

        var sb = new StringBuilder();
        sb.Append("#!/bin/bash\n");
        sb.Append($"#SBATCH --job-name=repro-sweep-{plan.PlanHash}\n");
        sb.Append($"#SBATCH --array=0-{(n - 1).ToString(inv)}%{Math.Min(parallel, n).ToString(inv)}\n");
        sb.Append("#SBATCH --ntasks=1\n");
        sb.Append($"#SBATCH --cpus-per-task={cpus.ToString(inv)}\n");
        if (options.Memory is { } mem) sb.Append($"#SBATCH --mem={Word(mem, "memory")}\n");
        if (options.Gpus > 0) sb.Append($"#SBATCH --gres=gpu:{options.Gpus.ToString(inv)}\n");
        if (options.Time is { } time) sb.Append($"#SBATCH --time={Word(time, "time")}\n");
        if (options.Partition is { } part) sb.Append($"#SBATCH --partition={Word(part, "partition")}\n");
        if (options.Account is { } account) sb.Append($"#SBATCH --account={Word(account, "account")}\n");
        sb.Append($"#SBATCH --output={SweepLayout.LogsFolder}/%A_%a.out\n");
        sb.Append($"#SBATCH --error={SweepLayout.LogsFolder}/%A_%a.out\n");
        sb.Append($"# Repro sweep {plan.PlanHash}: {n.ToString(inv)} runs, one per array task (made by `repro sweep`).\n");
        sb.Append($"# Submit from the sweep folder: sbatch {FileName}. Re-submitting skips finished entries.\n");
        sb.Append("# Collect: repro report --results <this folder> (missing and failed entries are listed by index).\n");
        sb.Append("set -euo pipefail\n");
        sb.Append($"if [ ! -f {SweepPlan.FileName} ]; then\n");
        sb.Append($"  echo \"repro sweep: no {SweepPlan.FileName} in $(pwd): submit from the sweep folder (cd SWEEP && sbatch {FileName})\" >&2\n");
        sb.Append("  exit 2\n");
        sb.Append("fi\n");
        sb.Append($"exec {options.ReproCommand} run --plan {SweepPlan.FileName} --index \"$SLURM_ARRAY_TASK_ID\"\n");
        return sb.ToString();
    }

    /// <summary>Writes the script into the sweep folder (and its <c>logs/</c> folder, which Slurm does not create).</summary>
    public static string Write(string sweepDirectory, SweepPlan plan, SlurmOptions options)
    {
        string text = Text(plan, options);
        Directory.CreateDirectory(Path.Combine(sweepDirectory, SweepLayout.LogsFolder));
        string path = Path.Combine(sweepDirectory, FileName);
        IO.AtomicFile.WriteAllText(path, text);
        return path;
    }

    // An option value goes into a #SBATCH line verbatim: refuse what would break the line.
    private static string Word(string value, string what) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '-' or '_' or '.' or ',')
            ? value : throw new ArgumentException($"Slurm {what} '{value}' has characters a #SBATCH line cannot hold");
}
