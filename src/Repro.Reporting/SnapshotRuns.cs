using System.Text.Json.Nodes;
using Repro.Data.Audit;
using Repro.Evaluation;
using Repro.Experiments;
using Repro.IO;
using Repro.Results;

namespace Repro.Reporting;

/// <summary>
/// The runs the report renders, read from the verified snapshots of the catalogue's entries (<c>snapshots/</c>): each
/// run's JSON and its test predictions CSV, in catalogue order; the audit entry's JSON; each cross-validation entry's JSON;
/// and which entries are verified.
/// A gpu entry is read from the first device class with verified files.
/// </summary>
public static class SnapshotRuns
{
    /// <summary>What <see cref="Load"/> found.</summary>
    public sealed record Loaded(IReadOnlyList<LoadedRun> Runs, AuditReport? Audit, string? AuditFile, IReadOnlyList<ExperimentStatus> Experiments,
        IReadOnlyList<LoadedCrossValidation> CrossValidations);

    /// <summary>Reads the catalogue's verified snapshots under <paramref name="directory"/>.</summary>
    public static Loaded Load(string directory, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory)) throw new NoResultsException(directory);
        var files = Directory.GetFiles(directory).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var runs = new List<LoadedRun>();
        var statuses = new List<ExperimentStatus>();
        var crossValidations = new List<LoadedCrossValidation>();
        AuditReport? audit = null;
        string? auditFile = null;
        foreach (var e in ExperimentCatalogue.All)
        {
            var classes = e.Tier == ExperimentTier.Gpu ? DeviceClassesOf(e, files) : [];
            string? deviceClass = classes.FirstOrDefault();
            bool verified = (e.Tier != ExperimentTier.Gpu || deviceClass is not null) &&
                            e.SnapshotFiles(deviceClass).All(f => files.Contains($"{f.Stem}.verified.{f.Extension}"));
            statuses.Add(new ExperimentStatus(e, classes, verified));
            if (!verified) continue;
            string Stem(string? part) => e.Name + (part is null ? "" : "." + part) + (deviceClass is null ? "" : "." + deviceClass);
            if (e.Audit)
            {
                auditFile = Stem(null) + ".verified.json";
                audit = ReproJson.Deserialize<AuditReport>(File.ReadAllText(Path.Combine(directory, auditFile)), auditFile);
                continue;
            }
            if (e.CrossValidation is not null)
            {
                string json = Stem(null) + ".verified.json";
                crossValidations.Add(new LoadedCrossValidation(e.Name, json,
                    CrossValidationSnapshot.Read(File.ReadAllText(Path.Combine(directory, json)), json)));
                continue;
            }
            foreach (var run in e.Runs)
            {
                string json = Stem(run.Part) + ".verified.json";
                string csv = Stem(run.Part is null ? "test-predictions" : run.Part + ".test-predictions") + ".verified.csv";
                var result = Read(Path.Combine(directory, json), Path.Combine(directory, csv), e.Tier == ExperimentTier.Gpu ? deviceClass! : "cpu");
                runs.Add(new LoadedRun(json, Stem(run.Part), result, e.Name));
            }
        }
        return new Loaded(runs, audit, auditFile, statuses, crossValidations);
    }

    /// <summary>
    /// A run result from its snapshot JSON and predictions CSV: what a snapshot leaves out (wall times, the machine,
    /// validation predictions) is empty; <paramref name="device"/> names the tier's device.
    /// </summary>
    public static RunResult Read(string jsonPath, string csvPath, string device)
    {
        var node = JsonNode.Parse(File.ReadAllText(jsonPath))!.AsObject();
        var history = new JsonArray();
        foreach (var e in node["epochs"]?.AsArray() ?? [])
        {
            var record = e!.DeepClone().AsObject();
            record["seconds"] = 0;
            record["train_images_per_second"] = 0;
            history.Add(record);
        }
        node.Remove("epochs");
        node["history"] = history;
        node["device"] = device;
        node["environment"] = new JsonObject();
        node["timings"] = JsonNode.Parse(ReproJson.Serialize(new Timings(0, 0, 0, 0, 0, 0)));
        node["test_predictions"] = JsonNode.Parse(ReproJson.Serialize(PredictionsCsv.Read(csvPath)));
        node["validation_predictions"] = new JsonArray();
        return ReproJson.Deserialize<RunResult>(node.ToJsonString(), jsonPath);
    }

    private static List<string> DeviceClassesOf(Experiment e, HashSet<string> files)
    {
        var (stem, ext) = e.SnapshotFiles().First();
        string prefix = stem + ".", suffix = ".verified." + ext;
        return files.Where(f => f.StartsWith(prefix, StringComparison.Ordinal) && f.EndsWith(suffix, StringComparison.Ordinal))
            .Select(f => f[prefix.Length..^suffix.Length])
            .Where(c => c.StartsWith("cuda-", StringComparison.Ordinal) && !c.Contains('.'))
            .Order(StringComparer.Ordinal).ToList();
    }
}
