using Repro.Data;
using Repro.IO;

namespace Repro.Tests.Cli;

/// <summary>The command line's own bad-input checks: each is refused before any work, naming the option or the
/// input, and leaves nothing behind (no decode, no result).</summary>
public class CliInputChecksTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        TestRuntime.Init();
        return CliRunner.Run(args);
    }

    private static string[] TinyTrain(string outDir, string cache) =>
        ["train", "--preset", "q1-cnn-smoke", "--synthetic-scale", "0.02", "--epochs", "1", "--image-size", "32",
         "--set", "bootstrap_resamples=0", "--out", outDir, "--cache", cache];

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("100000")]
    public void Threads_out_of_range_is_a_usage_error_naming_the_flag(string threads)
    {
        string dir = RepoPaths.NewTempDir("cli-threads");
        string outDir = Path.Combine(dir, "out"), cache = Path.Combine(dir, "cache");
        var (code, stdout, stderr) = Run([.. TinyTrain(outDir, cache), "--threads", threads]);
        Assert.Equal(2, code);
        Assert.Contains($"repro train: --threads must be between 1 and 1024, got {threads}", stderr);
        Assert.Equal("", stdout);
        Assert.False(Directory.Exists(outDir));
        Assert.False(Directory.Exists(cache));
    }

    [Fact]
    public void Out_that_is_a_file_or_lies_under_one_is_refused_before_any_decode()
    {
        string dir = RepoPaths.NewTempDir("cli-out-file");
        string file = Path.Combine(dir, "results"), cache = Path.Combine(dir, "cache");
        File.WriteAllText(file, "not a folder");
        foreach (string outDir in new[] { file, Path.Combine(file, "sub") })
        {
            var (code, _, stderr) = Run(TinyTrain(outDir, cache));
            Assert.Equal(1, code);
            Assert.StartsWith($"repro train: error: --out: output folder {outDir} ", stderr);
            Assert.DoesNotContain("   at ", stderr);
            Assert.False(Directory.Exists(cache)); // nothing decoded
            Assert.Equal("not a folder", File.ReadAllText(file));
            Assert.Equal([file], Directory.GetFileSystemEntries(dir)); // nothing written
        }
    }

    [Fact]
    public void Out_in_a_read_only_folder_is_refused_before_any_decode()
    {
        // /proc refuses new files for every user, root included (a chmod 555 folder does not stop root).
        string dir = RepoPaths.NewTempDir("cli-out-ro");
        string cache = Path.Combine(dir, "cache");
        var (code, _, stderr) = Run(TinyTrain("/proc/repro-results", cache));
        Assert.Equal(1, code);
        Assert.Contains("--out: output folder /proc/repro-results is not writable (its nearest existing parent /proc is not writable)", stderr);
        Assert.False(Directory.Exists(cache));
        Assert.False(Directory.Exists("/proc/repro-results"));
    }

    [Fact]
    public void A_writable_output_folder_passes_the_check_and_keeps_nothing_from_it()
    {
        string dir = RepoPaths.NewTempDir("cli-out-ok");
        OutputFolder.EnsureWritable(dir);
        OutputFolder.EnsureWritable(Path.Combine(dir, "not", "yet"));
        Assert.Empty(Directory.GetFileSystemEntries(dir)); // no probe left, the missing folders not created
    }

    [Fact]
    public void Skip_bad_files_leaves_an_unreadable_image_out_instead_of_stopping()
    {
        string dir = RepoPaths.NewTempDir("cli-skip");
        string data = Path.Combine(dir, "data"), cache = Path.Combine(dir, "cache");
        Assert.Equal(0, Run("synth", "--out", data, "--scale", "0.02", "--image-size", "32").Code);
        File.WriteAllText(Path.Combine(data, "train", "normal", "zz-broken.png"), "this is not a PNG");

        string strict = Path.Combine(dir, "strict");
        var (code, _, stderr) = Run([.. TinyTrain(strict, cache), "--data", data]);
        Assert.Equal(1, code);
        Assert.Contains("zz-broken.png", stderr);
        Assert.Contains("--skip-bad-files", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.False(File.Exists(Path.Combine(strict, "q1-cnn-smoke-seed42.json")));

        string lenient = Path.Combine(dir, "lenient");
        (code, _, stderr) = Run([.. TinyTrain(lenient, cache), "--data", data, "--skip-bad-files", "--no-checkpoints"]);
        Assert.True(code == 0, stderr);
        Assert.True(File.Exists(Path.Combine(lenient, "q1-cnn-smoke-seed42.json")));
    }

    [Fact]
    public void Reproduce_without_data_runs_on_the_vendored_study_images()
    {
        string dir = RepoPaths.NewTempDir("cli-reproduce-mth416");
        var (code, stdout, stderr) = Run("reproduce", "--presets", "q1-cnn", "--epochs", "1", "--image-size", "32",
            "--set", "train_fraction=0.1", "--set", "bootstrap_resamples=0", "--no-checkpoints", "--out", dir);
        Assert.True(code == 0, stderr);
        Assert.Contains($"repro reproduce: data: the study's images, {Path.GetFullPath(RepoPaths.Mth416)}", stderr);
        var result = Repro.Results.ResultFile.Read(Path.Combine(dir, "q1-cnn-smoke-seed42.json"));
        Assert.Equal(Path.GetFullPath(RepoPaths.Mth416), result.Data.Source);
        Assert.Contains("q1-cnn-smoke", stdout);
        Assert.Contains("0.333", stdout); // the report's Q1 balanced accuracy beside ours
        Assert.DoesNotContain("synthetic", stdout);
    }

    [Fact]
    public void Reproduce_without_the_vendored_data_falls_back_to_the_synthetic_set_and_says_so()
    {
        var (data, line) = Repro.Cli.Commands.ReproduceCommand.DefaultData(null);
        Assert.Null(data); // null data directory = the embedded synthetic set
        Assert.StartsWith("repro reproduce: note: ", line);
        Assert.Contains("synthetic", line);
        Assert.Contains("--data DIR", line);
        var found = Repro.Cli.Commands.ReproduceCommand.DefaultData(RepoPaths.Mth416);
        Assert.Equal(RepoPaths.Mth416, found.Data);
    }

    [Fact]
    public void Reproduce_finds_the_vendored_study_data_and_refuses_two_data_choices()
    {
        Assert.Equal(Path.GetFullPath(RepoPaths.Mth416), VendoredData.Find());
        var (code, _, stderr) = Run("reproduce", "--synthetic", "--data", RepoPaths.Mth416);
        Assert.Equal(2, code);
        Assert.Contains("--synthetic and --data exclude each other", stderr);
    }
}
