using Repro.Models;
using Repro.Training.Presets;
using Repro.Training.Speed;

namespace Repro.Experiments;

/// <summary>
/// Every experiment README.md and docs/REPORT.md show, in one place: the study's Q1/Q2 (faithful and fixed; CPU smoke
/// sizes, full size on a CPU as <c>long</c> and on a GPU), the float32 speed switches, the ablation, <c>improved</c>
/// over its seeds (on the original and the source-harmonised images, and under patient-grouped cross-validation: the
/// lesion headline) and the choices behind it, the random-backbone control, the backbone comparison and the dataset audit
/// (the baselines are part of every run's snapshot). A reproduction test per entry verifies its snapshots; the CLI runs
/// them where there is no SDK.
/// </summary>
public static class ExperimentCatalogue
{
    /// <summary>The seeds of the multi-seed experiments: ten, as issue #15 asks of the headline experiments (MLPerf-style summaries drop the best and worst).</summary>
    public static IReadOnlyList<long> Seeds { get; } = [42, 43, 44, 45, 46, 47, 48, 49, 50, 51];

    /// <summary>Our model over the seeds on the study's splits (the lesion headline's test-split rows).</summary>
    public const string Improved = "improved";

    /// <summary><see cref="Improved"/> on source-harmonised MTH416.</summary>
    public const string ImprovedHarmonized = "improved-harmonized";

    /// <summary>Our model under patient-grouped cross-validation (the lesion headline's CV rows).</summary>
    public const string CvImproved = "cv-improved";

    /// <summary><see cref="CvImproved"/> on source-harmonised MTH416.</summary>
    public const string CvImprovedHarmonized = "cv-improved-harmonized";

    /// <summary>Our second model (multi-layer features, chosen on validation) over the seeds on the study's splits.</summary>
    public const string ImprovedV2 = "improved-v2";

    /// <summary><see cref="ImprovedV2"/> under patient-grouped cross-validation.</summary>
    public const string CvImprovedV2 = "cv-improved-v2";

    /// <summary><see cref="ImprovedV2"/> on source-harmonised MTH416.</summary>
    public const string ImprovedV2Harmonized = "improved-v2-harmonized";

    /// <summary><see cref="CvImprovedV2"/> on source-harmonised MTH416.</summary>
    public const string CvImprovedV2Harmonized = "cv-improved-v2-harmonized";

    /// <summary>The seed of single-run experiments.</summary>
    public const long Seed = 42;

    /// <summary>The synthetic set's scale of the fast determinism entry.</summary>
    public const double FastSyntheticScale = 0.05;

    /// <summary>The fast synthetic preset: the study's Q1 protocol at 32 px for 3 epochs.</summary>
    public static Preset FastQ1 { get; } = PresetRegistry.Get("q1-cnn-smoke") with { ImageSize = 32, Epochs = 3 };

    /// <summary>The ablation's variants: all four defects on, each one switched off alone, all off.</summary>
    public static IReadOnlyList<(string Name, StudyDefects Defects)> AblationVariants { get; } =
    [
        ("study", StudyDefects.Study),
        ("no-clamp-defect", StudyDefects.Study with { ClampAfterNormalize = false }),
        ("no-shallow-restore", StudyDefects.Study with { ShallowBestRestore = false }),
        ("no-double-reweighting", StudyDefects.Study with { DoubleReweighting = false }),
        ("no-frozen-bn-training", StudyDefects.Study with { FrozenBatchNormTrains = false }),
        ("all-fixed", StudyDefects.None),
    ];

    /// <summary>Every experiment, in the order the report shows them.</summary>
    public static IReadOnlyList<Experiment> All { get; } = Build();

    /// <summary>The experiment called <paramref name="name"/>; a clear error lists the known names.</summary>
    public static Experiment Get(string name) =>
        All.FirstOrDefault(e => e.Name == name)
        ?? throw new ArgumentException($"experiment '{name}' is not in the catalogue; known: {string.Join(", ", All.Select(e => e.Name))}");

    /// <summary>The experiments of one tier.</summary>
    public static IEnumerable<Experiment> OfTier(ExperimentTier tier) => All.Where(e => e.Tier == tier);

    /// <summary>The preset with the four defects switched as <paramref name="defects"/>, named after the ablation variant.</summary>
    public static Preset AblationVariant(Preset preset, string variant, StudyDefects defects) =>
        preset with { Name = $"{preset.Name}-ablation-{variant}", Defects = defects };

    /// <summary>The preset with a random-init torchvision ResNet18 backbone instead of the ImageNet one.</summary>
    public static Preset RandomBackbone(Preset preset) =>
        preset with { Name = preset.Name + "-random-backbone", Model = new ModelSpec(ModelKind.Transfer, "resnet18") };

    private static Experiment Single(string name, string description, ExperimentTier tier, Preset preset, ExperimentData? data = null) =>
        new(name, description, tier, data ?? ExperimentData.Mth416, [new ExperimentRun(null, preset, Seed)]);

    private static Experiment OverSeeds(string name, string description, ExperimentTier tier, Preset preset, ExperimentData? data = null) =>
        new(name, description, tier, data ?? ExperimentData.Mth416, Seeds.Select(s => new ExperimentRun($"seed{s}", preset, s)).ToList(), ExperimentSummary.Seeds);

    /// <summary>The folds of the cross-validation entries (<c>repro cv</c>'s default).</summary>
    public const int CvFolds = 5;

    private static Experiment CrossValidated(string name, string description, ExperimentTier tier, Preset preset, ExperimentData data) =>
        new(name, description, tier, data, [], CrossValidation: new ExperimentCrossValidation(preset, Seed, CvFolds, Data.PatientFolds.DefaultSeed));

    private static Experiment Ablation(string name, ExperimentTier tier, Preset preset) =>
        new(name, $"the four defects of {preset.Name} switched off one at a time, and all at once", tier, ExperimentData.Mth416,
            AblationVariants.Select(v => new ExperimentRun(v.Name, AblationVariant(preset, v.Name, v.Defects), Seed)).ToList(),
            ExperimentSummary.Ablation);

    private static List<Experiment> Build()
    {
        Preset P(string name) => PresetRegistry.Get(name);
        var improved = P("improved");
        return
        [
            // The study's protocols at CPU smoke size (the default main job): ~1 min each on an idle 2-core machine. Their JSON
            // snapshots were accepted from the same numbers the earlier text snapshots held (confusion matrices, per-class
            // metrics, per-epoch validation and loss: equal to 6 decimals).
            Single("study-q1-smoke", "study Q1 (custom CNN), defects on, CPU smoke size", ExperimentTier.Cpu, P("q1-cnn-smoke")),
            Single("study-q2-smoke", "study Q2 (ResNet18 transfer), defects on, CPU smoke size", ExperimentTier.Cpu, P("q2-resnet-smoke")),
            Single("study-q1-fixed-smoke", "study Q1 with the four defects off, CPU smoke size", ExperimentTier.Cpu, P("q1-cnn-fixed-smoke")),
            Single("study-q2-fixed-smoke", "study Q2 with the four defects off (head on cached features), CPU smoke size", ExperimentTier.Cpu, P("q2-resnet-fixed-smoke")),
            Single("study-q1-smoke-fp32-speed", "study Q1 smoke with the float32 speed switches (channels-last, flat optimizer, loss read per epoch)",
                ExperimentTier.Cpu, P("q1-cnn-smoke") with { Speed = new SpeedOptions { ChannelsLast = true, FlatOptimizer = true, LossReadInterval = 0 } }),
            Single("synthetic-q1-fast", "study Q1 at 32 px for 3 epochs on 5% of the synthetic set: the fast determinism check",
                ExperimentTier.Cpu, FastQ1, ExperimentData.Synthetic(FastSyntheticScale)),
            // The dataset and what explains the results.
            new("audit-mth416", "the dataset audit: counts, patients, leakage, duplicates, source-shortcut probes", ExperimentTier.Cpu,
                ExperimentData.Mth416, [], Audit: true),
            // In the default run: 6 runs of ~40 s on an idle 2-core machine (about 4 min). The Q1 ablation (6 runs of ~70 s)
            // stays long until it is accepted (REPRO_LONG=1 REPRO_ACCEPT=1 … --filter "DisplayName~ablation-q1-smoke").
            Ablation("ablation-q2-smoke", ExperimentTier.Cpu, P("q2-resnet-smoke")),
            Ablation("ablation-q1-smoke", ExperimentTier.Long, P("q1-cnn-smoke")),
            // In the default run: its ImageNet half shares study-q2-fixed-smoke's cached features (~20 s on an idle machine).
            new("backbone-comparison", "study Q2 fixed (smoke) with the ImageNet backbone and with a random-init one", ExperimentTier.Cpu,
                ExperimentData.Mth416, [new("imagenet", P("q2-resnet-fixed-smoke"), Seed), new("random", RandomBackbone(P("q2-resnet-fixed-smoke")), Seed)]),
            // Ours.
            // In the default run: 384 px features once (shared by the seeds through the feature cache) and a head per seed,
            // 8.6 min from a cold cache on an idle 2-core machine.
            OverSeeds("improved", "ours: ImageNet features at 384 px, class-weighted CE, offsets fitted on validation, over 10 seeds", ExperimentTier.Cpu, improved),
            // In the default run: the harmonised decode (every image re-encoded at JPEG q75) and its own 384 px features once,
            // then a head per seed. Measured from a cold cache on the shared 2-core machine (load 7–15): 35 min wall, 13.3 min
            // CPU (user 9.6, sys 3.7); about 8–9 min on an idle machine, like improved.
            OverSeeds(ImprovedHarmonized, "improved on source-harmonised MTH416 (every image re-encoded at JPEG q75), over 10 seeds", ExperimentTier.Cpu,
                improved, ExperimentData.Mth416Harmonized),
            // In the default run: a fold's frozen features are rows of improved's cached 384 px features (checked: the run
            // added no feature file), so it costs five head fits: 7.5 min wall and 3.2 min CPU under load 11–15 (about 2 min idle).
            CrossValidated(CvImproved, "improved under patient-grouped 5-fold cross-validation (fold seed 42, seed 42), out-of-fold predictions pooled",
                ExperimentTier.Cpu, improved, ExperimentData.Mth416),
            // In the default run: the same on improved-harmonized's cached features (no feature file added): 2.7 min wall and
            // 1.7 min CPU under load 7 (about 1.5 min idle).
            CrossValidated(CvImprovedHarmonized, "improved under patient-grouped 5-fold cross-validation on source-harmonised MTH416 (JPEG q75)",
                ExperimentTier.Cpu, improved, ExperimentData.Mth416Harmonized),
            // improved-v2: one feature-bank pass at 384 px (every stage's pools, and the mirror's: ~20 CPU-minutes), then a
            // head per seed; its CV reads the same bank. Long: the pass alone would take about 10 min of the default run.
            OverSeeds(ImprovedV2, "improved with layer2–4 avg-max features, standardised, MLP head (chosen on validation), over 10 seeds",
                ExperimentTier.Long, P("improved-v2")),
            CrossValidated(CvImprovedV2, "improved-v2 under patient-grouped 5-fold cross-validation (fold seed 42, seed 42), out-of-fold predictions pooled",
                ExperimentTier.Long, P("improved-v2"), ExperimentData.Mth416),
            OverSeeds(ImprovedV2Harmonized, "improved-v2 on source-harmonised MTH416 (every image re-encoded at JPEG q75), over 10 seeds",
                ExperimentTier.Long, P("improved-v2"), ExperimentData.Mth416Harmonized),
            CrossValidated(CvImprovedV2Harmonized, "improved-v2 under patient-grouped 5-fold cross-validation on source-harmonised MTH416 (JPEG q75)",
                ExperimentTier.Long, P("improved-v2"), ExperimentData.Mth416Harmonized),
            Single("improved-random-backbone", "the control: improved with a random-init backbone", ExperimentTier.Long, RandomBackbone(improved)),
            OverSeeds("improved-224", "improved at 224 px (the image-size choice, made on validation)", ExperimentTier.Long,
                improved with { Name = "improved-224", ImageSize = 224 }),
            OverSeeds("improved-320", "improved at 320 px (the image-size choice, made on validation)", ExperimentTier.Long,
                improved with { Name = "improved-320", ImageSize = 320 }),
            OverSeeds("improved-224-no-offsets", "improved at 224 px without the validation-fitted class offsets", ExperimentTier.Long,
                improved with { Name = "improved-224-no-offsets", ImageSize = 224, CalibrateOnValidation = false }),
            // The study's protocols at full size: on a CPU (long) and on a GPU (per device class).
            Single("study-q1-full", "study Q1 at full size (224 px, 15 epochs), defects on", ExperimentTier.Long, P("q1-cnn")),
            Single("study-q2-full", "study Q2 at full size (224 px, 15 epochs), defects on", ExperimentTier.Long, P("q2-resnet")),
            Single("study-q1-fixed-full", "study Q1 at full size, defects off", ExperimentTier.Long, P("q1-cnn-fixed")),
            Single("study-q2-fixed-full", "study Q2 at full size, defects off", ExperimentTier.Long, P("q2-resnet-fixed")),
            Single("study-q1-full-gpu", "study Q1 at full size on CUDA (deterministic cuDNN)", ExperimentTier.Gpu, P("q1-cnn")),
            Single("study-q2-full-gpu", "study Q2 at full size on CUDA", ExperimentTier.Gpu, P("q2-resnet")),
            Single("study-q1-fixed-full-gpu", "study Q1 at full size on CUDA, defects off", ExperimentTier.Gpu, P("q1-cnn-fixed")),
            Single("study-q2-fixed-full-gpu", "study Q2 at full size on CUDA, defects off", ExperimentTier.Gpu, P("q2-resnet-fixed")),
            Single("study-q1-fast-gpu", "study Q1 on CUDA with every speed switch on (channels-last, bf16, TF32, flat optimizer)", ExperimentTier.Gpu, P("q1-cnn-fast")),
            Single("study-q2-fast-gpu", "study Q2 on CUDA with every speed switch on", ExperimentTier.Gpu, P("q2-resnet-fast")),
        ];
    }
}
