using Repro.Sweeps;
using Repro.Training.Presets;

namespace Repro.Cli.Commands;

/// <summary><c>repro sweep</c>: a grid of presets × seeds as a plan of run specs, plus Slurm / Kubernetes files to run it.</summary>
internal sealed class SweepCommand : ICommand
{
    public string Name => "sweep";
    public string Summary => "plan a sweep (presets × seeds) and write a Slurm array script or a Kubernetes Indexed Job for it";
    public string Usage =>
        "usage: repro sweep --presets A,B --seeds 42-51 --out DIR [--set PATH=VALUE …] [--emit slurm|k8s] [options]\n" +
        "  --presets A,B        presets to sweep, one of: " + string.Join(", ", PresetRegistry.All.Keys) + "\n" +
        "  --seeds LIST         seeds: 42-51, 1,5,9 or both\n" +
        "  --folds K            cross-validation folds (needs the recorded fold assignment of `repro cv`)\n" +
        "  --out DIR            the sweep folder: plan.json, runs/, failed/, logs/ and the emitted files (required)\n" +
        "  --emit E             slurm (sweep.sbatch), k8s (sweep-job.yaml), or slurm,k8s\n" +
        "  --repro-command CMD  how the cluster starts repro (default: repro)\n" +
        "  Slurm: --max-parallel M (%M), --cpus N (default: --threads), --mem 8G, --gpus N, --time HH:MM:SS, --partition P, --account A\n" +
        "  Kubernetes: --image IMAGE (required), --max-parallel M (parallelism), --cpus N, --mem 8Gi, --gpus N,\n" +
        "              --volume-claim NAME (default repro-shared), --mount /shared, --sweep-path PATH (the --out folder on the volume)\n" +
        TrainArgs.DataUsage.Replace("  --out DIR            where result files, predictions and checkpoints go (default results/)\n", "") + "\n" +
        TrainArgs.OverrideUsage + "\n" + RuntimeArgs.Usage + "\n" +
        "Then run entry I anywhere with `repro run --plan DIR/plan.json --index I`; collect with `repro report --results DIR`.";

    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        string presets = args.String("--presets") ?? throw new UsageException("--presets A,B is required");
        string seeds = args.String("--seeds") ?? throw new UsageException("--seeds LIST is required (e.g. 42-51)");
        string outDir = args.String("--out") ?? throw new UsageException("--out DIR (the sweep folder) is required");
        var names = presets.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        // --epochs, --image-size, --backbone, --weights and --set become the plan's overrides (checked against each preset).
        var overrides = args.All("--set");
        void Add(string option, string path) { if (args.String(option) is { } v) overrides.Add(new(path, v)); }
        Add("--epochs", "epochs");
        Add("--image-size", "image_size");
        Add("--backbone", "model.backbone");
        Add("--weights", "model.weights_path");
        var runtime = RuntimeArgs.Read(args);
        var request = new SweepRequest
        {
            Presets = names,
            Seeds = Parse(() => SeedList.Parse(seeds)),
            Folds = args.Int("--folds"),
            Overrides = overrides,
            DataDirectory = args.String("--data"),
            SyntheticScale = args.Double("--synthetic-scale") ?? 0.25,
            Device = args.String("--device"),
            WriteCheckpoints = !args.Flag("--no-checkpoints"),
            Threads = runtime.ResolvedThreads,
            CpuIsa = runtime.CpuIsa,
            Deterministic = runtime.Deterministic,
        };
        var emit = (args.String("--emit") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (string e in emit)
            if (e is not ("slurm" or "k8s")) throw new UsageException($"--emit {e}: expected slurm or k8s");
        string reproCommand = args.String("--repro-command") ?? "repro";
        int? maxParallel = args.Int("--max-parallel"), cpus = args.Int("--cpus"), gpus = args.Int("--gpus");
        string? mem = args.String("--mem");
        var slurm = new SlurmOptions
        {
            MaxParallel = maxParallel, CpusPerTask = cpus, Memory = mem, Gpus = gpus ?? 0, Time = args.String("--time"),
            Partition = args.String("--partition"), Account = args.String("--account"), ReproCommand = reproCommand,
        };
        string? image = args.String("--image");
        var k8s = emit.Contains("k8s")
            ? new KubernetesOptions
            {
                Image = image ?? throw new UsageException("--emit k8s needs --image IMAGE (a container image with repro)"),
                Parallelism = maxParallel, Cpus = cpus, Memory = mem, Gpus = gpus ?? 0, ReproCommand = reproCommand,
                VolumeClaim = args.String("--volume-claim") ?? "repro-shared", MountPath = args.String("--mount") ?? "/shared",
                SweepPath = args.String("--sweep-path") ?? Path.GetFileName(Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar)),
            }
            : null;
        args.EnsureAllUsed();

        var plan = Parse(() => SweepPlanner.Expand(request, outDir));
        string planPath = plan.SaveIn(outDir);
        stdout.WriteLine($"plan: {planPath} ({plan.Entries.Count} entries, sweep {plan.PlanHash})");
        if (emit.Contains("slurm"))
            stdout.WriteLine($"slurm: {SlurmScript.Write(outDir, plan, slurm)} (submit: cd {outDir} && sbatch {SlurmScript.FileName})");
        if (k8s is not null)
            stdout.WriteLine($"k8s: {KubernetesJob.Write(outDir, plan, k8s)} (kubectl apply -f {KubernetesJob.FileName})");
        stdout.WriteLine($"run entry I: repro run --plan {planPath} --index I   collect: repro report --results {outDir}");
        return 0;
    }

    // The request's own checks speak of the options the user typed: they are usage errors.
    private static T Parse<T>(Func<T> parse)
    {
        try { return parse(); }
        catch (ArgumentException e) { throw new UsageException(e.Message); }
    }
}
