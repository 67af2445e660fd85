using System.CommandLine;
using Repro.Cli;

namespace Repro.Tests.Cli;

/// <summary>The command line itself: help per verb, suggestions, response files, completion and the exit codes.</summary>
public class CommandLineTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    public static TheoryData<string> Verbs()
    {
        var data = new TheoryData<string>();
        foreach (var verb in CommandLine.Build().Subcommands) data.Add(verb.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Every_verb_has_help_listing_its_options(string name)
    {
        var verb = CommandLine.Build().Subcommands.Single(c => c.Name == name);
        var (code, stdout, stderr) = Run(name, "--help");
        Assert.True(code == 0, stderr);
        Assert.Contains("Usage:", stdout);
        // The program's name is the test host's here, `repro` when run; a verb with arguments lists them before [options].
        Assert.Contains(stdout.Split('\n'), line => line.Contains($" {name} ", StringComparison.Ordinal) && line.TrimEnd().EndsWith("[options]", StringComparison.Ordinal));
        Assert.Contains(verb.Description!, stdout.ReplaceLineEndings(" "));
        foreach (var option in verb.Options) Assert.Contains(option.Name, stdout);
        Assert.Equal(stdout, Run("help", name).Out); // `repro help VERB` is the same page
    }

    [Fact]
    public void The_verbs_known_to_users_are_all_there()
    {
        string[] expected = ["ablate", "audit", "doctor", "evaluate", "models", "predict", "report", "reproduce", "snapshot", "synth", "train"];
        Assert.Subset(CommandLine.Build().Subcommands.Select(c => c.Name).ToHashSet(), expected.ToHashSet());
    }

    [Fact]
    public void Bare_repro_lists_the_verbs_as_a_usage_error_and_help_as_success()
    {
        var bare = Run();
        Assert.Equal(2, bare.Code);
        foreach (var verb in CommandLine.Build().Subcommands) Assert.Contains(verb.Name, bare.Out);
        var help = Run("--help");
        Assert.Equal(0, help.Code);
        Assert.Equal(bare.Out, help.Out);
    }

    [Theory]
    [InlineData("repro", "train", "trian", "--preset", "q1-cnn")]
    [InlineData("repro evaluate", "--predictions", "evaluate", "--predictons", "x.csv")]
    public void A_mistyped_verb_or_option_gets_a_suggestion_and_exit_2(string prefix, string meant, params string[] args)
    {
        var (code, stdout, stderr) = Run(args);
        string typo = args[0] == "evaluate" ? args[1] : args[0];
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains($"{prefix}: Unrecognized command or argument '{typo}'", stderr);
        Assert.Contains($"'{typo}' was not matched. Did you mean", stderr);
        Assert.Contains("\n" + meant + "\n", stderr.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("Required command was not provided", stderr); // noise beside an unknown verb
        Assert.Contains($"see `{prefix} --help`", stderr);
    }

    [Fact]
    public void A_response_file_stands_for_its_tokens()
    {
        string dir = RepoPaths.NewTempDir("cli-rsp");
        string csv = Path.Combine(dir, "preds.csv");
        File.WriteAllText(csv, "id,label,p_normal,p_benign,p_cancer\na,normal,0.8,0.1,0.1\nb,benign,0.2,0.7,0.1\nc,cancer,0.1,0.3,0.6\nd,cancer,0.5,0.3,0.2\n");
        string rsp = Path.Combine(dir, "evaluate.rsp");
        File.WriteAllText(rsp, $"--predictions {csv}\n--json\n--bootstrap 0\n");

        var direct = Run("evaluate", "--predictions", csv, "--json", "--bootstrap", "0");
        var viaFile = Run("evaluate", "@" + rsp);
        Assert.True(viaFile.Code == 0, viaFile.Err);
        Assert.Equal(direct.Out, viaFile.Out);
        Assert.Contains("\"accuracy\": 0.75", viaFile.Out); // 3 of 4 right: the file's tokens were read, not ignored

        var missing = Run("evaluate", "@" + Path.Combine(dir, "nope.rsp"));
        Assert.Equal(2, missing.Code);
        Assert.Contains("nope.rsp", missing.Err);
    }

    [Fact]
    public void The_suggest_directive_completes_verbs_and_presets()
    {
        var verbs = Run("[suggest]", "tr");
        Assert.Equal(0, verbs.Code);
        Assert.Contains("train", verbs.Out.Split('\n', StringSplitOptions.TrimEntries));
        Assert.DoesNotContain("synth", verbs.Out);
        // As dotnet-suggest asks: the whole line and the cursor position.
        const string line = "train --preset q2-resnet-fi";
        var presets = Run($"[suggest:{line.Length}]", line);
        Assert.Contains("q2-resnet-fixed", presets.Out.Split('\n', StringSplitOptions.TrimEntries));
        Assert.DoesNotContain("q1-cnn", presets.Out);
    }

    [Fact]
    public void Exit_codes_are_0_ok_1_bad_input_2_usage()
    {
        string dir = RepoPaths.NewTempDir("cli-exit");
        string csv = Path.Combine(dir, "preds.csv");
        File.WriteAllText(csv, "id,label,p_normal,p_benign,p_cancer\na,normal,0.8,0.1,0.1\nb,benign,0.2,0.7,0.1\nc,cancer,0.1,0.3,0.6\n");
        Assert.Equal(0, Run("evaluate", "--predictions", csv, "--bootstrap", "0").Code);

        var bad = Run("evaluate", "--predictions", Path.Combine(dir, "missing.csv"));
        Assert.Equal(1, bad.Code);
        Assert.StartsWith("repro evaluate: error: ", bad.Err);
        Assert.Contains("missing.csv", bad.Err);
        Assert.DoesNotContain("   at ", bad.Err);

        var usage = Run("evaluate", "--predictions", csv, "--bootstrap", "-1");
        Assert.Equal(2, usage.Code);
        Assert.Contains("--bootstrap must be at least 0, got -1", usage.Err);
        Assert.Equal(2, Run("evaluate").Code); // a required option missing
    }

    [Fact]
    public void An_unexpected_error_is_one_line_with_where_to_report_and_the_trace_only_on_debug()
    {
        static Exception Thrown()
        {
            try { throw new NullReferenceException("boom"); }
            catch (Exception e) { return e; }
        }
        var quiet = new StringWriter();
        Assert.Equal(1, FailureReport.Write(Thrown(), "repro train", showTrace: false, quiet));
        Assert.StartsWith("repro train: unexpected error (NullReferenceException): boom", quiet.ToString());
        Assert.Contains("please report it", quiet.ToString());
        Assert.Contains("--debug", quiet.ToString());
        Assert.DoesNotContain(" at ", quiet.ToString());

        var loud = new StringWriter();
        Assert.Equal(1, FailureReport.Write(Thrown(), "repro train", showTrace: true, loud));
        Assert.Contains(nameof(Thrown), loud.ToString()); // the stack trace names the throwing method
    }

    [Fact]
    public void A_known_error_inside_a_parallel_loop_is_reported_as_itself()
    {
        var w = new StringWriter();
        var wrapped = new AggregateException(new InvalidDataException("train/normal/x.jpg: truncated JPEG"));
        Assert.Equal(1, FailureReport.Write(wrapped, "repro train", showTrace: false, w));
        Assert.Equal("repro train: error: train/normal/x.jpg: truncated JPEG" + Environment.NewLine, w.ToString());

        w = new StringWriter();
        Assert.Equal(2, FailureReport.Write(new UsageException("--presets names no preset"), "repro reproduce", showTrace: false, w));
        Assert.StartsWith("repro reproduce: --presets names no preset", w.ToString());
    }
}
