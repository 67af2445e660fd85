using System.Diagnostics;
using Repro.Data;
using Repro.Data.Augment;
using Repro.Data.Sampling;
using Repro.IO;
using Repro.Models;
using Repro.Runtime;
using Repro.Training.Losses;
using Repro.Training.Optim;
using Repro.Training.Presets;
using Repro.Training.Schedules;
using Repro.Training.Speed;
using static TorchSharp.torch;

namespace Repro.Training;

/// <summary>
/// Everything one run needs, built and owned in one place (in the manner of the setup half of torchvision's
/// <c>train.py</c>): the decoded splits on the device, the model with its speed switches, the loss, the optimizer and
/// schedules, the seeded generators and sampler, the input pipeline, and the cached features where they apply.
/// A failure while building releases whatever was built before it.
/// </summary>
internal sealed class RunSetup : IDisposable
{
    private const int SamplerStream = 1, AugmentStream = 2, SubsetStream = 3;

    private RunSetup(Preset preset, RunOptions run)
    {
        Preset = preset;
        Run = run;
        Observer = run.Observer ?? NullObserver.Instance;
    }

    /// <summary>The experiment.</summary>
    public Preset Preset { get; }
    /// <summary>Everything about the run that is not the experiment.</summary>
    public RunOptions Run { get; }
    /// <summary>Progress events (silent when the run has no observer).</summary>
    public ITrainingObserver Observer { get; }
    /// <summary>Where the tensors live.</summary>
    public Device Device { get; private set; } = null!;
    /// <summary>The decoded dataset, as loaded (the full training split included).</summary>
    public DatasetSplits Data { get; private set; } = null!;
    /// <summary>The training split (the preset's stratified fraction of it) on <see cref="Device"/>.</summary>
    public TensorSet Train { get; private set; } = null!;
    /// <summary>The validation split on <see cref="Device"/>.</summary>
    public TensorSet Val { get; private set; } = null!;
    /// <summary>The test split on <see cref="Device"/>.</summary>
    public TensorSet Test { get; private set; } = null!;
    /// <summary>The model, seeded, with the preset's speed switches applied.</summary>
    public ReproModel Model { get; private set; } = null!;
    /// <summary><see cref="Model"/> as the speed switches run it: what every forward pass goes through.</summary>
    public SpeedModel Net { get; private set; } = null!;
    /// <summary>The model's parameter counts as built (before any unfreezing).</summary>
    public ParameterCounts InitialCounts { get; private set; } = null!;
    /// <summary>The training criterion (<see cref="EffectiveLoss"/>).</summary>
    public ILossFunction Loss { get; private set; } = null!;
    /// <summary>AdamW or the flat AdamW, over the model's trainable groups.</summary>
    public IOptimizer Optimizer { get; private set; } = null!;
    /// <summary>ReduceLROnPlateau on validation balanced accuracy.</summary>
    public ReduceLrOnPlateau Plateau { get; private set; } = null!;
    /// <summary>Early stopping on validation balanced accuracy.</summary>
    public EarlyStopping Early { get; private set; } = null!;
    /// <summary>The sampler's generator (its state is checkpointed).</summary>
    public Generator SamplerGenerator { get; private set; } = null!;
    /// <summary>The augmentation's generator (its state is checkpointed).</summary>
    public Generator AugmentGenerator { get; private set; } = null!;
    /// <summary>The order of the training images, epoch by epoch.</summary>
    public ISampler Sampler { get; private set; } = null!;
    /// <summary>From uint8 images to the model's input.</summary>
    public InputPipeline Input { get; private set; } = null!;
    /// <summary>Frozen-backbone features of every split, where <see cref="CanCacheFeatures"/> allows; else null.</summary>
    public FeatureCache? Features { get; private set; }
    /// <summary>What a reader of the result must know (the model's and the speed switches' warnings).</summary>
    public List<string> Warnings { get; } = new();
    /// <summary>Seconds spent decoding and moving the data to the device.</summary>
    public double DecodeSeconds { get; private set; }
    /// <summary>Seconds spent computing (or reading) the cached features.</summary>
    public double FeatureSeconds { get; private set; }

    /// <summary>Builds everything <paramref name="preset"/> needs for <paramref name="run"/>.</summary>
    public static RunSetup Build(Preset preset, RunOptions run)
    {
        preset.Validate(); // every setting in range before anything is loaded
        var setup = new RunSetup(preset, run);
        try
        {
            setup.BuildAll();
            return setup;
        }
        catch
        {
            setup.Dispose(); // whatever was built before the failure (the decoded data, the model) is released now
            throw;
        }
    }

    private void BuildAll()
    {
        var preset = Preset;
        TorchRuntime.EnsureInitialized(Run.Runtime);
        Device = Devices.Resolve(Run.Device ?? preset.Device);

        if (Run.OutputDirectory is not null)
            foreach (string dir in new[] { Run.OutputDirectory, Path.Combine(Run.OutputDirectory, "checkpoints") })
                foreach (string stale in AtomicFile.RemoveStaleTempFiles(dir))
                    Warnings.Add($"removed the stale temporary file {Path.GetFileName(stale)} of an interrupted write (its process is gone)");
        Observer.OnStage("decode");
        var sw = Stopwatch.StartNew();
        Data = DatasetLoader.Load(new DataOptions
        {
            Directory = Run.DataDirectory,
            ImageSize = preset.ImageSize,
            Synthetic = new SyntheticOptions { Seed = Run.SyntheticSeed, Scale = Run.SyntheticScale },
            CacheDirectory = Run.CacheDirectory,
            SkipBadFiles = Run.SkipBadFiles,
            HarmonizeJpegQuality = Run.HarmonizeJpegQuality,
            Fold = Run.Fold,
        });
        Warnings.AddRange(Data.Warnings);
        if (Data.Skipped.Count > 0)
            Warnings.Add($"{Data.Skipped.Count} bad file(s) skipped (listed under data.skipped): " +
                         string.Join("; ", Data.Skipped.Take(5).Select(f => $"{f.Path}: {f.Reason}")) + (Data.Skipped.Count > 5 ? "; …" : ""));
        var train = Data.Train;
        if (preset.TrainFraction < 1.0)
        {
            using var subsetGen = TorchRuntime.Generator(Run.Seed, SubsetStream);
            train = train.Subset(StratifiedSubset(train.LabelArray, preset.TrainFraction, subsetGen));
        }
        Train = train.To(Device);
        if (!ReferenceEquals(train, Data.Train)) train.Dispose();
        Val = Data.Val.To(Device);
        Test = Data.Test.To(Device);
        DecodeSeconds = sw.Elapsed.TotalSeconds;

        TorchRuntime.Seed(Run.Seed);
        Model = ModelFactory.Create(preset.Model, Device);
        Warnings.AddRange(Model.Warnings);
        Warnings.AddRange(SpeedSetup.Warnings(preset.Speed, Device, TorchRuntime.Options.CpuIsa));
        InitialCounts = Model.Counts();
        Loss = EffectiveLoss(preset).Create(Train.ClassCounts());
        Net = SpeedSetup.Apply(Model, preset.Speed);
        Optimizer = SpeedSetup.CreateOptimizer(GroupsFor(Model, preset), preset.Speed);
        Plateau = new ReduceLrOnPlateau(preset.PlateauPatience, preset.PlateauFactor, preset.MinLearningRate);
        Early = new EarlyStopping(preset.EarlyStoppingPatience);
        SamplerGenerator = TorchRuntime.Generator(Run.Seed, SamplerStream);
        AugmentGenerator = TorchRuntime.Generator(Run.Seed, AugmentStream);
        Sampler = preset.Sampler switch
        {
            SamplerKind.ClassWeighted => new ClassWeightedSampler(Train.LabelArray, SamplerGenerator),
            SamplerKind.Shuffled => new ShuffledSampler(Train.Count, SamplerGenerator),
            SamplerKind.Sequential => new SequentialSampler(Train.Count),
            _ => throw new PresetValidationException([$"sampler '{preset.Sampler}' is not known: use {IO.ReproJson.Names<SamplerKind>()}"]),
        };
        Input = new InputPipeline(preset, Model.Normalization);

        if (CanCacheFeatures(preset, Model))
        {
            Observer.OnStage("features");
            sw.Restart();
            string featureCache = new DataOptions { CacheDirectory = Run.CacheDirectory }.ResolveCacheDirectory();
            Features = Data.Origin is { } origin && preset.TrainFraction >= 1 // a CV fold: rows of the original splits' features
                ? FeatureCache.ComputeFromOrigin(Net, Input, Train, Val, Test, preset.EvalBatchSize, featureCache, origin, Warnings)
                : FeatureCache.Compute(Net, Input, Train, Val, Test, preset.EvalBatchSize, featureCache,
                    Data.Fingerprint + (preset.TrainFraction < 1 ? $"|subset{preset.TrainFraction}/{Run.Seed}" : ""), Warnings);
            FeatureSeconds = sw.Elapsed.TotalSeconds;
        }
        // A standardising head takes the training features' mean and sd (the training split of this run: a CV fold's own).
        if (Model.StandardizesFeatures)
        {
            if (Features is null) throw new PresetValidationException(["model.features.standardize needs cached features (the training split's features are its statistics)"]);
            Model.FitFeatureStandardization(Features.Train);
        }
    }

    /// <summary>The model's trainable groups with the preset's learning rates (the backbone's own where it has one).</summary>
    private static IEnumerable<ParamGroup> GroupsFor(ReproModel model, Preset preset)
    {
        foreach (var (name, ps) in model.ParameterGroups())
        {
            if (ps.Count == 0) continue;
            double lr = name == "backbone" ? preset.BackboneLearningRate : preset.LearningRate;
            yield return new ParamGroup(name, ps, lr, preset.WeightDecay);
        }
    }

    /// <summary>The loss as the preset asks, with defect 3 switched off where requested: the sampler already
    /// balances the classes, so the loss does not re-weight them a second time.</summary>
    internal static LossSpec EffectiveLoss(Preset p)
    {
        if (p.Defects.DoubleReweighting || p.Sampler != SamplerKind.ClassWeighted) return p.Loss;
        return p.Loss.Kind switch
        {
            LossKind.Focal when p.Loss.Weights is null => p.Loss with { Weights = new[] { 1.0, 1.0, 1.0 } },
            LossKind.WeightedCe => p.Loss with { Kind = LossKind.Ce, Weights = null },
            _ => p.Loss,
        };
    }

    /// <summary>True when the backbone's output never changes during the run, so it can be computed once.</summary>
    internal static bool CanCacheFeatures(Preset p, ReproModel model) =>
        p.CacheFeatures && model.HasFrozenBackbone && p.Augment == AugmentKind.None && !p.Defects.FrozenBatchNormTrains
        && p.UnfreezeLayer4AfterEpoch is null && p.UnfreezeLayer3AfterEpoch is null && p.Mixup == 0;

    /// <summary>A class-stratified subset: <paramref name="fraction"/> of each class (at least one), in original order.</summary>
    internal static long[] StratifiedSubset(IReadOnlyList<int> labels, double fraction, Generator g)
    {
        var chosen = new List<long>();
        for (int c = 0; c < ClassLabels.Count; c++)
        {
            var members = Enumerable.Range(0, labels.Count).Where(i => labels[i] == c).ToArray();
            if (members.Length == 0) continue;
            int take = Math.Max(1, (int)Math.Round(members.Length * fraction));
            using var perm = randperm(members.Length, generator: g);
            chosen.AddRange(perm.data<long>().ToArray().Take(take).Select(i => (long)members[i]));
        }
        chosen.Sort();
        return chosen.ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Null-tolerant: Build calls this when it fails partway.
        Features?.Dispose();
        Optimizer?.Dispose();
        Model?.Dispose();
        SamplerGenerator?.Dispose();
        AugmentGenerator?.Dispose();
        Train?.Dispose();
        Val?.Dispose();
        Test?.Dispose();
        Data?.Dispose();
    }

    private sealed class NullObserver : ITrainingObserver
    {
        public static readonly NullObserver Instance = new();
    }
}
