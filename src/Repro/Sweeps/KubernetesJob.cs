using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Repro.Sweeps;

/// <summary>
/// The Kubernetes manifest of a sweep: a <c>batch/v1</c> Job with <c>completionMode: Indexed</c>, one completion per
/// plan entry; each pod runs <c>repro run --plan plan.json --index $(JOB_COMPLETION_INDEX)</c> in the sweep folder on a
/// shared volume that also holds the data and the decoded-tensor cache. Kubernetes schedules, Repro does not.
/// </summary>
public static class KubernetesJob
{
    /// <summary>File name of the manifest in the sweep folder.</summary>
    public const string FileName = "sweep-job.yaml";

    /// <summary>The manifest (YAML) for <paramref name="plan"/>.</summary>
    public static string Text(SweepPlan plan, KubernetesOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        var inv = CultureInfo.InvariantCulture;
        int n = plan.Entries.Count;
        if (n == 0) throw new ArgumentException("the plan has no entries");
        if (string.IsNullOrWhiteSpace(options.Image)) throw new ArgumentException("a Kubernetes Job needs a container image (--image)");
        int parallel = Math.Min(options.Parallelism ?? n, n);
        if (parallel < 1) throw new ArgumentException($"parallelism must be at least 1 (got {parallel})");
        int cpus = options.Cpus ?? plan.Threads;
        if (cpus < 1) throw new ArgumentException($"CPUs per pod must be at least 1 (got {cpus})");
        if (options.Gpus < 0) throw new ArgumentException($"GPUs per pod must not be negative (got {options.Gpus})");
        if (options.RetriesPerIndex < 0) throw new ArgumentException($"retries per index must not be negative (got {options.RetriesPerIndex})");
        if (!options.MountPath.StartsWith('/')) throw new ArgumentException($"mount path '{options.MountPath}' must be absolute");
        if (options.SweepPath.StartsWith('/') || options.SweepPath.Split('/').Contains("..")) throw new ArgumentException($"sweep path '{options.SweepPath}' must be relative to the mount, without '..'");
        var command = options.ReproCommand.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (command.Length == 0) throw new ArgumentException("the repro command must not be empty");
        string workDir = options.MountPath.TrimEnd('/') + "/" + options.SweepPath.Trim('/');
        const string volume = "shared";

        var y = new StringBuilder();
        y.Append($"# Repro sweep {plan.PlanHash}: {n.ToString(inv)} runs as a Kubernetes Indexed Job (made by `repro sweep`).\n");
        y.Append($"# The volume claim {Q(options.VolumeClaim)} holds the data, the cache ({options.MountPath.TrimEnd('/')}/cache) and this sweep folder ({workDir}).\n");
        y.Append($"# kubectl apply -f {FileName}; collect with: repro report --results <the sweep folder>\n");
        y.Append("apiVersion: batch/v1\n");
        y.Append("kind: Job\n");
        y.Append("metadata:\n");
        y.Append($"  name: {Q("repro-sweep-" + plan.PlanHash)}\n");
        y.Append("  labels:\n");
        y.Append($"    app.kubernetes.io/name: {Q("repro")}\n");
        y.Append($"    repro/sweep: {Q(plan.PlanHash)}\n");
        y.Append("spec:\n");
        y.Append("  completionMode: Indexed\n");
        y.Append($"  completions: {n.ToString(inv)}\n");
        y.Append($"  parallelism: {parallel.ToString(inv)}\n");
        y.Append($"  backoffLimitPerIndex: {options.RetriesPerIndex.ToString(inv)}\n");
        y.Append("  template:\n");
        y.Append("    metadata:\n");
        y.Append("      labels:\n");
        y.Append($"        repro/sweep: {Q(plan.PlanHash)}\n");
        y.Append("    spec:\n");
        y.Append("      restartPolicy: Never\n");
        y.Append("      containers:\n");
        y.Append("        - name: repro\n");
        y.Append($"          image: {Q(options.Image)}\n");
        y.Append($"          workingDir: {Q(workDir)}\n");
        y.Append($"          command: [{string.Join(", ", command.Select(Q))}]\n");
        y.Append($"          args: [{string.Join(", ", new[] { "run", "--plan", SweepPlan.FileName, "--index", "$(JOB_COMPLETION_INDEX)" }.Select(Q))}]\n");
        y.Append("          env:\n");
        y.Append("            - name: REPRO_CACHE\n");
        y.Append($"              value: {Q(options.MountPath.TrimEnd('/') + "/cache")}\n");
        y.Append("          resources:\n");
        y.Append("            requests:\n");
        y.Append($"              cpu: {Q(cpus.ToString(inv))}\n");
        if (options.Memory is { } mem) y.Append($"              memory: {Q(mem)}\n");
        if (options.Memory is not null || options.Gpus > 0)
        {
            y.Append("            limits:\n");
            if (options.Memory is { } m) y.Append($"              memory: {Q(m)}\n");
            if (options.Gpus > 0) y.Append($"              nvidia.com/gpu: {Q(options.Gpus.ToString(inv))}\n");
        }
        y.Append("          volumeMounts:\n");
        y.Append($"            - name: {volume}\n");
        y.Append($"              mountPath: {Q(options.MountPath)}\n");
        y.Append("      volumes:\n");
        y.Append($"        - name: {volume}\n");
        y.Append("          persistentVolumeClaim:\n");
        y.Append($"            claimName: {Q(options.VolumeClaim)}\n");
        return y.ToString();
    }

    /// <summary>Writes the manifest into the sweep folder.</summary>
    public static string Write(string sweepDirectory, SweepPlan plan, KubernetesOptions options)
    {
        string path = Path.Combine(sweepDirectory, FileName);
        IO.AtomicFile.WriteAllText(path, Text(plan, options));
        return path;
    }

    // A YAML double-quoted scalar: JSON string syntax is valid YAML, so every value reads back as the string written.
    private static string Q(string s) => JsonSerializer.Serialize(s);
}
