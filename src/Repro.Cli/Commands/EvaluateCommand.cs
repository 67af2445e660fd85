using System.CommandLine;
using Repro.IO;
using System.Globalization;
using Repro.Data;
using Repro.Evaluation;
using Repro.Results;

namespace Repro.Cli.Commands;

/// <summary><c>repro evaluate</c>: every metric of a predictions CSV, with bootstrap and Wilson intervals.</summary>
internal sealed class EvaluateCommand : Verb
{
    private readonly Option<string> _predictions = new("--predictions")
    {
        Description = "CSV with columns id,label,p_normal,p_benign,p_cancer[,group]",
        HelpName = "FILE.csv",
        Required = true,
    };

    private readonly Option<bool> _json = new("--json") { Description = "print the metric report as one JSON object" };

    private readonly Option<int> _bootstrap = new Option<int>("--bootstrap")
    {
        Description = "bootstrap resamples for 95% CIs (0 = off); patients are resampled when every row has a group, else images",
        HelpName = "N",
        DefaultValueFactory = _ => MetricOptions.DefaultBootstrapResamples,
    }.Within(0);

    private readonly Option<ulong> _seed = new("--seed") { Description = "bootstrap seed", HelpName = "N", DefaultValueFactory = _ => 0 };

    public EvaluateCommand() : base("evaluate", "metrics (scikit-learn definitions) with confidence intervals for a predictions CSV")
    {
        AddOptions(_predictions, _json, _bootstrap, _seed);
    }

    protected override int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        string path = parse.GetValue(_predictions)!;
        bool json = parse.GetValue(_json);
        int resamples = parse.GetValue(_bootstrap);
        ulong seed = parse.GetValue(_seed);

        if (!File.Exists(path)) throw new FileNotFoundException($"predictions file not found: {path}", path);
        var predictions = PredictionsCsv.Read(path);
        int rescaled = predictions.Count(p => p.RawScores is not null);
        if (rescaled > 0)
            stderr.WriteLine($"repro evaluate: note: {path}: {rescaled} of {predictions.Count} row(s) have probabilities that do not sum to 1 " +
                             $"(first: '{predictions.First(p => p.RawScores is not null).Id}'); they are divided by their sum for log loss, Brier and ECE; " +
                             "ROC AUC and average precision rank the scores as written, as scikit-learn does");
        var report = Metrics.Compute(predictions, new MetricOptions(resamples, seed));
        if (json)
        {
            stdout.WriteLine(ReproJson.Serialize(report));
            return 0;
        }
        PrintTable(stdout, path, report);
        return 0;
    }

    private static void PrintTable(TextWriter w, string path, MetricReport r)
    {
        w.WriteLine($"predictions  {path}");
        w.Write($"samples      {r.N} ({string.Join(", ", r.Classes.Select(c => $"{c.Support} {c.Name}"))})");
        w.WriteLine(r.Bootstrap is { } b
            ? $"; 95% CIs from {b.Resamples} bootstrap resamples of {b.Units} {(b.Unit == Bootstrap.GroupUnit ? "patients (groups)" : "images")}, seed {b.Seed}"
            : "; bootstrap off");
        w.WriteLine();
        w.WriteLine($"{"metric",-18} {"value",8}  95% CI");
        foreach (string name in MetricNames.Overall)
            w.WriteLine($"{name,-18} {F(r.Value(name)),8}  {Ci(r.Intervals?.GetValueOrDefault(name))}".TrimEnd());
        w.WriteLine();
        w.WriteLine($"{"class",-8} {"n",5} {"precision",9} {"recall",7} {"(Wilson 95%)",-16} {"boot 95%",-16} {"specificity",11} {"(Wilson 95%)",-16} {"npv",6} {"f1",6} {"roc_auc",7} {"ap",6}");
        for (int c = 0; c < r.Classes.Count; c++)
        {
            var m = r.Classes[c];
            w.WriteLine($"{m.Name,-8} {m.Support,5} {F(m.Precision),9} {F(m.Recall),7} {Ci(m.RecallCi),-16} {Ci(r.Intervals?.GetValueOrDefault(MetricNames.Recall(c))),-16} " +
                        $"{F(m.Specificity),11} {Ci(m.SpecificityCi),-16} {F(m.Npv),6} {F(m.F1),6} {F(m.RocAuc),7} {F(m.AveragePrecision),6}");
        }
        w.WriteLine();
        w.WriteLine("confusion matrix (rows = true class, columns = predicted)");
        w.WriteLine($"{"",-8}" + string.Concat(ClassLabels.Names.Select(n => $" {n,7}")));
        for (int a = 0; a < r.ConfusionMatrix.Count; a++)
            w.WriteLine($"{ClassLabels.Names[a],-8}" + string.Concat(r.ConfusionMatrix[a].Select(v => $" {v,7}")));
        w.WriteLine();
        if (r.Lesion is not { } l)
        {
            w.WriteLine("lesions (benign vs cancer): undefined — the lesion images lack a benign or a cancer image");
            return;
        }
        w.WriteLine($"lesions (benign vs cancer on the {l.N} benign/cancer images: {l.Benign} benign, {l.Cancer} cancer, {l.Patients} patients; " +
                    "score p_cancer / (p_benign + p_cancer))");
        w.WriteLine($"{"lesion_roc_auc",-18} {F(l.RocAuc),8}  {Ci(l.Intervals?.GetValueOrDefault(LesionMetrics.RocAuc))}".TrimEnd());
        w.WriteLine($"{"lesion_balanced_acc",-18} {F(l.BalancedAccuracy),8}  {Ci(l.Intervals?.GetValueOrDefault(LesionMetrics.BalancedAccuracy))}".TrimEnd());
        w.WriteLine($"{"cancer_sensitivity",-18} {F(l.CancerSensitivity),8}  {Ci(l.CancerSensitivityCi)} (Wilson; called cancer when p_cancer > p_benign)");
        w.WriteLine($"{"benign_specificity",-18} {F(l.BenignSpecificity),8}  {Ci(l.BenignSpecificityCi)} (Wilson)");
    }

    private static string F(double? v) => v is double d ? d.ToString("0.0000", CultureInfo.InvariantCulture) : "—";

    private static string Ci(ConfidenceInterval? ci) => CliFormat.Ci(ci, "0.0000");
}
