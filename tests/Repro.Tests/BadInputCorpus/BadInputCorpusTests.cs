using System.Diagnostics;
using Repro.IO;
using Repro.Tests.Cli;
using Repro.Tests.Data;
using Repro.Training.Checkpoints;

namespace Repro.Tests.BadInputCorpus;

/// <summary>
/// The bad-input corpus, each case made here and run through the CLI's entry point in-process: the exit code, the
/// message naming the file or option, and nothing left behind (no result, checkpoint, cache entry or temporary file).
/// </summary>
public class BadInputCorpusTests(CorpusFixture fixture) : IClassFixture<CorpusFixture>
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        TestRuntime.Init();
        return CliRunner.Run(args);
    }

    /// <summary>Checks the exit code and the message of <paramref name="id"/>'s case; returns the output.</summary>
    private static (int Code, string Out, string Err) Expect(string id, (int Code, string Out, string Err) run, params string[] names)
    {
        var c = Corpus.Cases[id];
        string all = run.Err + run.Out;
        Assert.True(c.Exit == run.Code, $"{id}: exit {run.Code}, expected {c.Exit}\n{all}");
        Assert.Contains(c.Says, all);
        foreach (string name in names) Assert.Contains(name, all);
        Assert.DoesNotContain("   at ", all); // no stack trace
        return run;
    }

    /// <summary>Nothing written: the output folder holds no file (result, checkpoint, predictions, temporary file) and
    /// the cache folder no dataset entry.</summary>
    private static void NothingLeft(string outDir, string cache)
    {
        if (Directory.Exists(outDir)) Assert.Empty(Directory.GetFiles(outDir, "*", SearchOption.AllDirectories));
        if (Directory.Exists(cache)) Assert.DoesNotContain(Directory.GetFiles(cache, "*", SearchOption.AllDirectories), f => !f.Contains("/weights/", StringComparison.Ordinal));
    }

    /// <summary>Trains on <paramref name="data"/> into fresh folders and checks case <paramref name="id"/>; for a
    /// refused input, also that nothing was left behind.</summary>
    private static (int Code, string Out, string Err) TrainCase(string id, string data, params string[] names)
    {
        string outDir = Path.Combine(RepoPaths.NewTempDir("corpus-out"), "results"), cache = RepoPaths.NewTempDir("corpus-cache");
        var run = Expect(id, Run(CorpusFixture.TrainArgs(data, outDir, cache)), names);
        if (run.Code != 0) NothingLeft(outDir, cache);
        return run;
    }

    private static string Mth416Jpeg() => Path.Combine(RepoPaths.Mth416, "train", "benign", "P_00027_RIGHT_CC.jpg");

    // A real 224x224 MTH416 JPEG whose frame header claims 6000x6000.
    private static byte[] JpegClaiming6000()
    {
        byte[] jpeg = File.ReadAllBytes(Mth416Jpeg());
        int sof = jpeg.AsSpan().IndexOf(new byte[] { 0xFF, 0xC0 });
        Assert.True(sof > 0);
        Assert.Equal(224, (jpeg[sof + 5] << 8) | jpeg[sof + 6]);
        jpeg[sof + 5] = 6000 >> 8; jpeg[sof + 6] = 6000 & 0xFF; // height
        jpeg[sof + 7] = 6000 >> 8; jpeg[sof + 8] = 6000 & 0xFF; // width
        return jpeg;
    }

    [Fact, CorpusCase("symlink-loop")]
    public void Symlink_loop_between_two_jpgs_in_a_class_folder()
    {
        string data = fixture.CopyOfData();
        string dir = Path.Combine(data, "train", "benign");
        File.CreateSymbolicLink(Path.Combine(dir, "P_09001_LEFT_CC.jpg"), "P_09002_LEFT_CC.jpg");
        File.CreateSymbolicLink(Path.Combine(dir, "P_09002_LEFT_CC.jpg"), "P_09001_LEFT_CC.jpg");
        TrainCase("symlink-loop", data, "train/benign/P_09001_LEFT_CC.jpg", "--skip-bad-files");
    }

    [Fact, CorpusCase("dangling-symlink")]
    public void Dangling_jpg_symlink_in_a_class_folder()
    {
        string data = fixture.CopyOfData();
        File.CreateSymbolicLink(Path.Combine(data, "val", "normal", "P_09003_LEFT_CC.jpg"), "gone.jpg");
        TrainCase("dangling-symlink", data, "val/normal/P_09003_LEFT_CC.jpg", "gone.jpg");
    }

    [Fact, CorpusCase("symlink-loop-audit")]
    public void Audit_lists_a_symlink_loop_as_unreadable()
    {
        string data = fixture.CopyOfData();
        string dir = Path.Combine(data, "test", "normal");
        File.CreateSymbolicLink(Path.Combine(dir, "P_09001_LEFT_CC.jpg"), "P_09002_LEFT_CC.jpg");
        File.CreateSymbolicLink(Path.Combine(dir, "P_09002_LEFT_CC.jpg"), "P_09001_LEFT_CC.jpg");
        var (_, stdout, _) = Expect("symlink-loop-audit", Run("audit", "--data", data), "test/normal/P_09001_LEFT_CC.jpg");
        Assert.Contains("2 unreadable", stdout);
    }

    [Fact, CorpusCase("predict-folder-link-loop")]
    public void Predict_counts_each_file_once_under_a_folder_link_loop()
    {
        string images = fixture.CopyOfData();
        Directory.CreateSymbolicLink(Path.Combine(images, "test", "loop"), ".");
        string csv = Path.Combine(RepoPaths.NewTempDir("corpus-predict"), "p.csv");
        var (_, stdout, _) = Expect("predict-folder-link-loop",
            Run("predict", "--checkpoint", fixture.Checkpoint, "--images", Path.Combine(images, "test"), "--out", csv, "--threads", "2"), "loop/");
        Assert.Contains("6 images", stdout);
        Assert.Equal(7, File.ReadAllLines(csv).Length); // header + each of the 6 files once
    }

    [Fact, CorpusCase("jpeg-declared-size")]
    public void Jpeg_whose_frame_header_claims_6000x6000_over_224x224_data()
    {
        string data = fixture.CopyOfData();
        File.WriteAllBytes(Path.Combine(data, "train", "cancer", "P_09004_LEFT_CC.jpg"), JpegClaiming6000());
        TrainCase("jpeg-declared-size", data, "train/cancer/P_09004_LEFT_CC.jpg");
    }

    [Fact, CorpusCase("jpeg-declared-size-predict")]
    public void Predict_refuses_the_jpeg_claiming_6000x6000()
    {
        string images = RepoPaths.NewTempDir("corpus-images");
        File.WriteAllBytes(Path.Combine(images, "P_09004_LEFT_CC.jpg"), JpegClaiming6000());
        string outDir = RepoPaths.NewTempDir("corpus-predict");
        Expect("jpeg-declared-size-predict",
            Run("predict", "--checkpoint", fixture.Checkpoint, "--images", images, "--out", Path.Combine(outDir, "p.csv"), "--threads", "2"),
            "P_09004_LEFT_CC.jpg");
        NothingLeft(outDir, outDir);
    }

    [Fact, CorpusCase("png-declared-size")]
    public void Png_whose_header_claims_600x600_over_32x32_data()
    {
        string data = fixture.CopyOfData();
        byte[] png = TestImages.GreyPng(TestImages.Pattern(32, 32, 7), 32, 32);
        png[16 + 2] = 600 >> 8; png[16 + 3] = 600 & 0xFF; // IHDR width (big-endian, low bytes)
        png[20 + 2] = 600 >> 8; png[20 + 3] = 600 & 0xFF; // IHDR height
        File.WriteAllBytes(Path.Combine(data, "test", "malignant", "P_09005_LEFT_CC.png"), png);
        TrainCase("png-declared-size", data, "test/malignant/P_09005_LEFT_CC.png");
    }

    [Fact, CorpusCase("same-file-train-test")]
    public void Same_file_in_train_and_test_trains_with_a_warning()
    {
        string data = fixture.CopyOfData();
        string trainFile = Directory.GetFiles(Path.Combine(data, "train", "normal")).Order(StringComparer.Ordinal).First();
        File.Copy(trainFile, Path.Combine(data, "test", "normal", "P_09006_LEFT_CC.png"));
        var (_, stdout, _) = TrainCase("same-file-train-test", data, "test/normal/P_09006_LEFT_CC.png", "train/normal/" + Path.GetFileName(trainFile));
        Assert.Contains("warning:", stdout);
    }

    [Fact, CorpusCase("checkpoint-wrong-architecture")]
    public void Checkpoint_header_naming_another_architecture_than_its_tensors()
    {
        TestRuntime.Init();
        var (header, tensors) = TensorArchive.Read(fixture.Checkpoint);
        string dir = RepoPaths.NewTempDir("corpus-ckpt");
        string forged = Path.Combine(dir, "forged.ckpt");
        try
        {
            Assert.Contains("\"custom-cnn\"", header);
            TensorArchive.Write(forged, header.Replace("\"custom-cnn\"", "\"prose-cnn\"", StringComparison.Ordinal), tensors);
        }
        finally
        {
            foreach (var t in tensors.Values) t.Dispose();
        }
        string csv = Path.Combine(dir, "p.csv");
        Expect("checkpoint-wrong-architecture",
            Run("predict", "--checkpoint", forged, "--images", Path.Combine(fixture.Data, "test"), "--out", csv, "--threads", "2"),
            forged, "prose-cnn");
        Assert.False(File.Exists(csv));
    }

    [Fact, CorpusCase("report-truncated-result")]
    public void Report_lists_a_truncated_result_file()
    {
        string results = RepoPaths.NewTempDir("corpus-report");
        File.Copy(fixture.Result, Path.Combine(results, "good.json"));
        byte[] json = File.ReadAllBytes(fixture.Result);
        File.WriteAllBytes(Path.Combine(results, "cut.json"), json[..(json.Length / 2)]);
        string report = Path.Combine(RepoPaths.NewTempDir("corpus-report-out"), "REPORT.md");
        var (_, stdout, _) = Expect("report-truncated-result", Run("report", "--results", results, "--out", report), "cut.json");
        Assert.Contains("1 run(s)", stdout);
        Assert.Contains("cut.json", File.ReadAllText(report)); // the report's notes name it too
    }

    [Fact, CorpusCase("evaluate-rows-not-summing-to-1")]
    public void Evaluate_says_it_rescales_rows_not_summing_to_1()
    {
        string csv = Path.Combine(RepoPaths.Root, "tests", "Repro.Tests", "Evaluation", "Reference", "cases", "unnormalised.csv");
        Expect("evaluate-rows-not-summing-to-1", Run("evaluate", "--predictions", csv, "--bootstrap", "0"), "unnormalised.csv", "as written");
    }

    [Fact, CorpusCase("checkpoint-write-killed")]
    public void Checkpoint_write_killed_leaves_a_temp_file_that_the_next_run_removes()
    {
        string data = fixture.CopyOfData();
        string outDir = Path.Combine(RepoPaths.NewTempDir("corpus-kill"), "results"), cache = RepoPaths.NewTempDir("corpus-cache");
        string checkpoints = Path.Combine(outDir, "checkpoints");
        string host = WriterIdentity.Current.Host;
        int dead = DeadProcessId();
        using var live = Process.Start(new ProcessStartInfo("sleep", "120") { UseShellExecute = false })!;
        try
        {
            // The first run dies 4 KB into its first checkpoint write, as under kill -9: its temporary file stays (in
            // process the CLI reports the injected fault; a killed process would print nothing).
            AtomicFile.Fault = new AtomicFileFault(".ckpt", new WriterIdentity(host, dead), 4096);
            try
            {
                var (code, _, err) = Run(CorpusFixture.TrainArgs(data, outDir, cache));
                Assert.Equal(1, code);
                Assert.Contains("simulated crash", err);
            }
            finally
            {
                AtomicFile.Fault = null;
            }
            string killed = Assert.Single(Directory.GetFiles(checkpoints, ".*.tmp"));
            Assert.Contains($".{host}.{dead}.", Path.GetFileName(killed));
            Assert.Empty(Directory.GetFiles(checkpoints, "*.ckpt"));
            Assert.Empty(Directory.GetFiles(outDir, "*.json"));

            // Beside it: a temporary file of another host (a sweep on a shared folder) and one of a live process.
            string otherHost = Path.Combine(checkpoints, AtomicFile.TempFileName(Path.GetFileName(fixture.Checkpoint), new WriterIdentity("another-host", dead)));
            string livePid = Path.Combine(checkpoints, AtomicFile.TempFileName(Path.GetFileName(fixture.Checkpoint), new WriterIdentity(host, live.Id)));
            File.WriteAllText(otherHost, "x");
            File.WriteAllText(livePid, "x");

            AtomicFile.ForgetSweeps(); // the next run is a new process
            var (_, stdout, _) = Expect("checkpoint-write-killed", Run(CorpusFixture.TrainArgs(data, outDir, cache)), Path.GetFileName(killed));
            Assert.False(File.Exists(killed));
            Assert.True(File.Exists(otherHost));
            Assert.True(File.Exists(livePid));
            Assert.True(File.Exists(Path.Combine(checkpoints, Path.GetFileName(fixture.Checkpoint))));
            Assert.Contains("warning:", stdout);
        }
        finally
        {
            live.Kill();
        }
    }

    private static int DeadProcessId()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        p.WaitForExit();
        return p.Id;
    }

    [Fact, CorpusCase("empty-image")]
    public void Empty_image_file()
    {
        string data = fixture.CopyOfData();
        File.WriteAllBytes(Path.Combine(data, "train", "normal", "P_09007_LEFT_CC.png"), []);
        TrainCase("empty-image", data, "train/normal/P_09007_LEFT_CC.png");
    }

    [Fact, CorpusCase("text-named-jpg")]
    public void Text_file_named_jpg()
    {
        string data = fixture.CopyOfData();
        File.WriteAllText(Path.Combine(data, "val", "benign", "P_09008_LEFT_CC.jpg"), "<html>not found</html>\n");
        TrainCase("text-named-jpg", data, "val/benign/P_09008_LEFT_CC.jpg");
    }

    [Fact, CorpusCase("truncated-jpeg")]
    public void Truncated_jpeg()
    {
        string data = fixture.CopyOfData();
        byte[] jpeg = File.ReadAllBytes(Mth416Jpeg());
        File.WriteAllBytes(Path.Combine(data, "train", "benign", "P_09009_LEFT_CC.jpg"), jpeg[..(jpeg.Length / 2)]);
        TrainCase("truncated-jpeg", data, "train/benign/P_09009_LEFT_CC.jpg");
    }

    [Fact, CorpusCase("missing-split")]
    public void Missing_split_folder()
    {
        string data = fixture.CopyOfData();
        Directory.Delete(Path.Combine(data, "val"), recursive: true);
        TrainCase("missing-split", data, data);
    }

    [Fact, CorpusCase("stray-file-in-split")]
    public void Stray_file_directly_in_a_split_folder()
    {
        string data = fixture.CopyOfData();
        File.WriteAllText(Path.Combine(data, "train", "notes.txt"), "x");
        TrainCase("stray-file-in-split", data, "train/notes.txt");
    }

    [Fact, CorpusCase("predict-missing-checkpoint")]
    public void Predict_with_a_missing_checkpoint()
    {
        string outDir = RepoPaths.NewTempDir("corpus-predict");
        string missing = Path.Combine(outDir, "none.ckpt");
        Expect("predict-missing-checkpoint",
            Run("predict", "--checkpoint", missing, "--images", fixture.Data, "--out", Path.Combine(outDir, "p.csv")), missing);
        NothingLeft(outDir, outDir);
    }

    [Fact, CorpusCase("evaluate-negative-probability")]
    public void Evaluate_a_negative_probability()
    {
        string csv = Path.Combine(RepoPaths.NewTempDir("corpus-eval"), "neg.csv");
        File.WriteAllText(csv, "id,label,p_normal,p_benign,p_cancer\na,normal,0.5,0.6,-0.1\n");
        Expect("evaluate-negative-probability", Run("evaluate", "--predictions", csv), "neg.csv:2", "p_cancer");
    }

    [Fact, CorpusCase("skip-bad-files")]
    public void Skip_bad_files_leaves_them_out_and_lists_them_in_the_result()
    {
        string data = fixture.CopyOfData();
        File.WriteAllBytes(Path.Combine(data, "train", "benign", "P_09010_LEFT_CC.png"), []);
        File.CreateSymbolicLink(Path.Combine(data, "val", "normal", "P_09011_LEFT_CC.jpg"), "gone.jpg");
        string outDir = RepoPaths.NewTempDir("corpus-skip");
        var (_, stdout, _) = Expect("skip-bad-files",
            Run([.. CorpusFixture.TrainArgs(data, outDir, RepoPaths.NewTempDir("corpus-cache")), "--skip-bad-files"]),
            "train/benign/P_09010_LEFT_CC.png", "val/normal/P_09011_LEFT_CC.jpg");
        Assert.Contains("2 bad file(s) skipped", stdout);
        var result = Repro.Results.ResultFile.Read(Directory.GetFiles(outDir, "q1-cnn-smoke-*-seed42.json").Single());
        Assert.Equal(new[] { "train/benign/P_09010_LEFT_CC.png", "val/normal/P_09011_LEFT_CC.jpg" }, result.Data.Skipped.Select(f => f.Path));
        Assert.Contains("empty file", result.Data.Skipped[0].Reason);
        Assert.Contains("dangling symbolic link", result.Data.Skipped[1].Reason);
        Assert.Equal(6, result.Data.Counts["train"].Sum()); // 7 files, the empty one left out
        Assert.Equal(6, result.Data.Counts["val"].Sum());   // 7 entries, the dangling link left out
    }

    [Fact, CorpusCase("threads-out-of-range")]
    public void Threads_zero()
    {
        string outDir = RepoPaths.NewTempDir("corpus-out");
        var args = CorpusFixture.TrainArgs(fixture.Data, outDir, outDir);
        args[Array.IndexOf(args, "--threads") + 1] = "0";
        Expect("threads-out-of-range", Run(args));
        NothingLeft(outDir, outDir);
    }

    [Fact, CorpusCase("out-is-a-file")]
    public void Output_folder_is_a_file()
    {
        string dir = RepoPaths.NewTempDir("corpus-out"), cache = RepoPaths.NewTempDir("corpus-cache");
        string file = Path.Combine(dir, "results");
        File.WriteAllText(file, "mine");
        Expect("out-is-a-file", Run(CorpusFixture.TrainArgs(fixture.Data, file, cache)), file);
        Assert.Equal("mine", File.ReadAllText(file));
        NothingLeft(cache, cache); // refused before the decode: no cache entry either
    }

    [Theory]
    [InlineData("batch-size-zero", "batch_size=0"), CorpusCase("batch-size-zero")]
    [InlineData("batch-size-negative", "batch_size=-4"), CorpusCase("batch-size-negative")]
    [InlineData("eval-batch-size-zero", "eval_batch_size=0"), CorpusCase("eval-batch-size-zero")]
    [InlineData("learning-rate-negative", "learning_rate=-1"), CorpusCase("learning-rate-negative")]
    [InlineData("train-fraction-zero", "train_fraction=0"), CorpusCase("train-fraction-zero")]
    [InlineData("focal-gamma-negative", "loss.gamma=-5"), CorpusCase("focal-gamma-negative")]
    public void Preset_setting_out_of_range_is_refused_before_any_work(string id, string set)
    {
        string outDir = Path.Combine(RepoPaths.NewTempDir("corpus-out"), "results"), cache = RepoPaths.NewTempDir("corpus-cache");
        Expect(id, Run([.. CorpusFixture.TrainArgs(fixture.Data, outDir, cache), "--set", set]));
        NothingLeft(outDir, cache); // before the decode: no cache entry either
    }

    [Fact, CorpusCase("unknown-option")]
    public void Unknown_option()
    {
        string outDir = RepoPaths.NewTempDir("corpus-out");
        Expect("unknown-option", Run("train", "--preset", "q1-cnn-smoke", "--out", outDir, "--no-such-option", "1"));
        NothingLeft(outDir, outDir);
    }
}
