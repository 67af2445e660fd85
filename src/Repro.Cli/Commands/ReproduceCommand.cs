namespace Repro.Cli.Commands;

/// <summary>
/// <c>repro reproduce</c>: the study's Q1 (custom CNN) and Q2 (ResNet18 transfer) protocols, defects and all,
/// printed as the study's Q1-vs-Q2 table next to the report's published numbers. The main job of the README.
/// </summary>
internal sealed class ReproduceCommand : ICommand
{
    /// <summary>The report's published figures: parameters, trainable parameters, test balanced accuracy.</summary>
    private static readonly Dictionary<string, (long Params, long Trainable, double BalancedAccuracy)> Published = new()
    {
        ["q1-cnn"] = (1_636_611, 1_636_611, 0.333),
        ["q2-resnet"] = (11_242_563, 66_051, 0.328),
    };

    public string Name => "reproduce";
    public string Summary => "run the study's Q1 and Q2 protocols and print them beside the report's numbers";
    public string Usage =>
        "usage: repro reproduce [--data DIR] [--seeds N] [--seed S] [--full] [--presets A,B,…] [options]\n" +
        StudyRunArgs.Usage + "\n" +
        TrainArgs.DataUsage + "\n" + TrainArgs.OverrideUsage + "\n" + RuntimeArgs.Usage;

    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        var study = StudyRunArgs.Read(args, stderr, "reproduce");
        var results = study.Presets.SelectMany(p => study.RunSeeds(p, stderr)).ToList();
        StudyTable.Write(stdout, results, Published);
        stdout.WriteLine($"results: {Path.GetFullPath(study.Run.OutputDirectory!)}");
        return 0;
    }
}
