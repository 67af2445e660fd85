using System.Diagnostics;
using Repro.Evaluation;
using Repro.Results;
using Repro.Runtime;
using Repro.Training;
using Repro.Training.Presets;

namespace Repro;

/// <summary>
/// The end of a run: the evaluated weights (best or last) on validation and test, the validation-fitted decision
/// offsets where the preset asks for them, the metrics, the operating point, and the <see cref="RunResult"/> that
/// holds them all. It writes no result file: the caller decides what to keep (<see cref="RunFiles"/>).
/// </summary>
internal static class FinalEvaluation
{
    /// <summary>Evaluates the run that <paramref name="fit"/> trained over <paramref name="setup"/>.</summary>
    public static RunResult Evaluate(RunSetup setup, FitLoop fit, FitOutcome outcome, Stopwatch total)
    {
        var preset = setup.Preset;
        setup.Observer.OnStage("test");
        var evalClock = Stopwatch.StartNew();
        string evaluated = fit.UseEvaluatedWeights();
        var (valFinal, _) = fit.Evaluate(setup.Val);
        var (testFinal, _) = fit.Evaluate(setup.Test);
        double[]? offsets = null;
        if (preset.CalibrateOnValidation)
        {
            offsets = DecisionCalibration.Fit(valFinal);
            valFinal = DecisionCalibration.Apply(valFinal, offsets);
            testFinal = DecisionCalibration.Apply(testFinal, offsets);
        }
        var validation = Metrics.Compute(valFinal);
        var test = Metrics.Compute(testFinal, new MetricOptions(BootstrapResamples: preset.BootstrapResamples, Seed: (ulong)setup.Run.Seed));
        var operatingPoint = OperatingPoint.Evaluate(valFinal, testFinal, preset.TargetSpecificity);
        double evalSeconds = evalClock.Elapsed.TotalSeconds;

        var data = setup.Data;
        return new RunResult
        {
            Preset = preset.Name,
            Settings = preset,
            SettingsHash = PresetHash.Of(preset),
            Seed = setup.Run.Seed,
            Device = setup.Device.ToString(),
            Data = new DataSummary(data.Source, data.Fingerprint, preset.ImageSize,
                new Dictionary<string, int[]> { ["train"] = data.Train.ClassCounts(), ["val"] = data.Val.ClassCounts(), ["test"] = data.Test.ClassCounts() },
                setup.Train.Count, data.Skipped),
            Environment = EnvironmentInfo.Collect(),
            Model = new ModelSummary(setup.Model.Architecture, setup.InitialCounts, setup.Model.WeightsSource),
            History = fit.History.ToList(),
            BestEpoch = setup.Early.State.BestEpoch,
            EpochsRun = fit.LastEpoch,
            StoppedEarly = outcome.StoppedEarly,
            EvaluatedWeights = evaluated,
            FeaturesCached = setup.Features is not null,
            Validation = validation,
            Test = test,
            OperatingPoint = operatingPoint,
            LesionOperatingPoint = LesionMetrics.OperatingPoint(valFinal, testFinal),
            DecisionOffsets = offsets,
            TestPredictions = testFinal,
            ValidationPredictions = valFinal,
            Timings = new Timings(setup.DecodeSeconds, setup.FeatureSeconds, outcome.TrainSeconds, evalSeconds, total.Elapsed.TotalSeconds,
                outcome.ImagesTrained / Math.Max(outcome.SecondsTraining, 1e-9)),
            Warnings = setup.Warnings.ToList(),
        };
    }
}
