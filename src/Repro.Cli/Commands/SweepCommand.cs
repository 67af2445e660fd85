using System.CommandLine;
using Repro.Sweeps;
using Repro.Training.Presets;

namespace Repro.Cli.Commands;

/// <summary><c>repro sweep</c>: a grid of presets × seeds as a plan of run specs, plus the Slurm / Kubernetes files that run it.</summary>
internal sealed class SweepCommand : Verb
{
    private readonly Option<string> _presets = new("--presets")
    {
        Description = "presets to sweep, comma-separated: " + string.Join(", ", PresetRegistry.All.Keys),
        HelpName = "A,B",
        Required = true,
    };

    private readonly Option<string> _seeds = new("--seeds") { Description = "seeds: 42-51, 1,5,9 or both", HelpName = "LIST", Required = true };

    private readonly Option<int?> _folds = new Option<int?>("--folds")
    {
        Description = "cross-validation folds per preset and seed: the held-out folds of the recorded patient-grouped assignment (as repro cv)",
        HelpName = "K",
    }.Within(2, 100);

    private readonly Option<string> _out = new("--out")
    {
        Description = "the sweep folder: plan.json, runs/, failed/, logs/ and the emitted files",
        HelpName = "DIR",
        Required = true,
    };

    private readonly Option<string[]> _emit = new("--emit")
    {
        Description = "slurm (sweep.sbatch: an sbatch job array) and/or k8s (sweep-job.yaml: an Indexed Job)",
        HelpName = "ENGINE",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [],
    };

    private readonly Option<string> _reproCommand = new("--repro-command")
    {
        Description = "how the cluster starts repro (e.g. repro, or dotnet /opt/repro/repro.dll)",
        HelpName = "CMD",
        DefaultValueFactory = _ => "repro",
    };

    private readonly Option<int?> _maxParallel = new Option<int?>("--max-parallel")
    {
        Description = "at most M runs at once (Slurm: --array=0-N%M; Kubernetes: parallelism); default all",
        HelpName = "M",
    }.Within(1);

    private readonly Option<int?> _cpus = new Option<int?>("--cpus") { Description = "CPUs per run (default: the run's threads)", HelpName = "N" }.Within(1);
    private readonly Option<string?> _mem = new("--mem") { Description = "memory per run (Slurm: 8G; Kubernetes: 8Gi)", HelpName = "SIZE" };
    private readonly Option<int?> _gpus = new Option<int?>("--gpus") { Description = "GPUs per run (Slurm --gres=gpu:N; Kubernetes nvidia.com/gpu)", HelpName = "N" }.Within(0);
    private readonly Option<string?> _time = new("--time") { Description = "Slurm: time limit per task (HH:MM:SS)", HelpName = "T" };
    private readonly Option<string?> _partition = new("--partition") { Description = "Slurm: partition", HelpName = "P" };
    private readonly Option<string?> _account = new("--account") { Description = "Slurm: account", HelpName = "A" };
    private readonly Option<string?> _image = new("--image") { Description = "Kubernetes: container image with repro (required with --emit k8s)", HelpName = "IMAGE" };
    private readonly Option<string> _volumeClaim = new("--volume-claim")
    {
        Description = "Kubernetes: PersistentVolumeClaim of the shared volume (data, cache, results)", HelpName = "NAME", DefaultValueFactory = _ => "repro-shared",
    };
    private readonly Option<string> _mount = new("--mount") { Description = "Kubernetes: where the shared volume is mounted", HelpName = "PATH", DefaultValueFactory = _ => "/shared" };
    private readonly Option<string?> _sweepPath = new("--sweep-path")
    {
        Description = "Kubernetes: the sweep folder on the volume, relative to --mount (default: the --out folder's name)", HelpName = "PATH",
    };

    private readonly Option<string?> _data = new("--data") { Description = "dataset folder (default: the embedded synthetic set)", HelpName = "DIR" };
    private readonly Option<double> _syntheticScale = new Option<double>("--synthetic-scale")
    {
        Description = "size of the embedded synthetic set relative to MTH416's counts", HelpName = "F", DefaultValueFactory = _ => 0.25,
    }.Positive();
    private readonly Option<string?> _device = new("--device") { Description = "cpu, cuda, cuda:N or auto (default: the preset's, cpu)", HelpName = "D" };
    private readonly Option<bool> _noCheckpoints = new("--no-checkpoints") { Description = "write no per-epoch checkpoints" };
    private readonly Option<bool> _skipBadFiles = new("--skip-bad-files") { Description = "leave unreadable image files out instead of stopping" };

    private readonly PresetArgs _overrides;
    private readonly RuntimeArgs _runtime;

    public SweepCommand() : base("sweep", "plan a sweep (presets × seeds) and write a Slurm job array or a Kubernetes Indexed Job for it; " +
                                          "run entry I with repro run, collect with repro report --results DIR")
    {
        _emit.AcceptOnlyFromAmong("slurm", "k8s");
        foreach (var option in new Option[]
                 {
                     _presets, _seeds, _folds, _out, _emit, _reproCommand, _maxParallel, _cpus, _mem, _gpus, _time, _partition, _account,
                     _image, _volumeClaim, _mount, _sweepPath, _data, _syntheticScale, _device, _noCheckpoints, _skipBadFiles,
                 })
            Add(option);
        _overrides = new PresetArgs(this);
        _runtime = new RuntimeArgs(this);
        Validators.Add(r =>
        {
            // An --emit value out of the list is the parser's own error; read the value only when it converted.
            if (r.GetResult(_emit) is { } emit && OptionChecks.TryValue(emit, out string[]? engines)
                && (engines ?? []).Contains("k8s") && string.IsNullOrWhiteSpace(r.GetValue(_image)))
                r.AddError("--emit k8s needs --image IMAGE (a container image with repro)");
        });
    }

    protected override int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        string outDir = parse.GetValue(_out)!;
        var names = parse.GetValue(_presets)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var overrides = _overrides.Overrides(parse);
        var runtime = _runtime.Read(parse);
        var request = Usage(() =>
        {
            foreach (string name in names) PresetArgs.Check(PresetRegistry.Get(name), overrides);
            return new SweepRequest
            {
                Presets = names,
                Seeds = SeedList.Parse(parse.GetValue(_seeds)!),
                Folds = parse.GetValue(_folds),
                Overrides = overrides,
                DataDirectory = parse.GetValue(_data),
                SyntheticScale = parse.GetValue(_syntheticScale),
                Device = parse.GetValue(_device),
                WriteCheckpoints = !parse.GetValue(_noCheckpoints),
                SkipBadFiles = parse.GetValue(_skipBadFiles),
                Threads = runtime.ResolvedThreads,
                CpuIsa = runtime.CpuIsa,
                Deterministic = runtime.Deterministic,
            };
        });
        var plan = Usage(() => SweepPlanner.Expand(request, outDir));
        string planPath = plan.SaveIn(outDir);
        stdout.WriteLine($"plan: {planPath} ({plan.Entries.Count} entries, sweep {plan.PlanHash})");

        var emit = parse.GetValue(_emit) ?? [];
        string reproCommand = parse.GetValue(_reproCommand)!;
        if (emit.Contains("slurm"))
        {
            string script = Usage(() => SlurmScript.Write(outDir, plan, new SlurmOptions
            {
                MaxParallel = parse.GetValue(_maxParallel), CpusPerTask = parse.GetValue(_cpus), Memory = parse.GetValue(_mem),
                Gpus = parse.GetValue(_gpus) ?? 0, Time = parse.GetValue(_time), Partition = parse.GetValue(_partition),
                Account = parse.GetValue(_account), ReproCommand = reproCommand,
            }));
            stdout.WriteLine($"slurm: {script} (submit from the sweep folder: cd {outDir} && sbatch {SlurmScript.FileName})");
        }
        if (emit.Contains("k8s"))
        {
            string manifest = Usage(() => KubernetesJob.Write(outDir, plan, new KubernetesOptions
            {
                Image = parse.GetValue(_image)!, Parallelism = parse.GetValue(_maxParallel), Cpus = parse.GetValue(_cpus),
                Memory = parse.GetValue(_mem), Gpus = parse.GetValue(_gpus) ?? 0, ReproCommand = reproCommand,
                VolumeClaim = parse.GetValue(_volumeClaim)!, MountPath = parse.GetValue(_mount)!,
                SweepPath = parse.GetValue(_sweepPath) ?? Path.GetFileName(Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar)),
            }));
            stdout.WriteLine($"k8s: {manifest} (kubectl apply -f {KubernetesJob.FileName})");
        }
        stdout.WriteLine($"run entry I: repro run --plan {planPath} --index I    collect: repro report --results {outDir}");
        return 0;
    }

    // The plan's own checks speak of the options the user typed: they are usage errors (exit 2).
    private static T Usage<T>(Func<T> make)
    {
        try { return make(); }
        catch (ArgumentException e) { throw new UsageException(e.Message); }
    }
}
