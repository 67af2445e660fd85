using Repro.Tests.Cli;
using Repro.Tests.Data;

namespace Repro.Tests.BadInputCorpus;

/// <summary>
/// What several corpus cases start from, made once: a tiny valid dataset (18 grey PNGs of 32 px) and one short
/// training run on it through the CLI, whose checkpoint and result file the predict and report cases damage.
/// </summary>
public sealed class CorpusFixture
{
    /// <summary>The run's arguments on a dataset folder (1 epoch, 32 px, no bootstrap).</summary>
    public static string[] TrainArgs(string data, string outDir, string cache) =>
        ["train", "--preset", "q1-cnn-smoke", "--data", data, "--image-size", "32", "--epochs", "1", "--threads", "2",
         "--set", "bootstrap_resamples=0", "--out", outDir, "--cache", cache];

    public CorpusFixture()
    {
        TestRuntime.Init();
        Data = TestImages.WriteValidDataset(RepoPaths.NewTempDir("corpus-data"), 32);
        string outDir = RepoPaths.NewTempDir("corpus-run");
        var (code, _, err) = CliRunner.Run(TrainArgs(Data, outDir, RepoPaths.NewTempDir("corpus-cache")));
        if (code != 0) throw new InvalidOperationException("the corpus fixture's training run failed: " + err);
        // Files are named PRESET-SETTINGSHASH-seedN (ResultIdentity.Stem).
        Checkpoint = Directory.GetFiles(Path.Combine(outDir, "checkpoints"), "q1-cnn-smoke-*-seed42.last.ckpt").Single();
        Result = Directory.GetFiles(outDir, "q1-cnn-smoke-*-seed42.json").Single();
    }

    /// <summary>A valid dataset root (train/val/test, two 32 px PNGs per class; test's cancer folder is malignant/).</summary>
    public string Data { get; }

    /// <summary>The training run's last checkpoint.</summary>
    public string Checkpoint { get; }

    /// <summary>The training run's result file.</summary>
    public string Result { get; }

    /// <summary>A fresh copy of <see cref="Data"/> to damage.</summary>
    public string CopyOfData()
    {
        string root = RepoPaths.NewTempDir("corpus-case");
        foreach (string file in Directory.EnumerateFiles(Data, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(root, Path.GetRelativePath(Data, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return root;
    }
}
