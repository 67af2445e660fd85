using System.CommandLine;
using Repro.IO;
using Repro.Training;

namespace Repro.Cli.Commands;

/// <summary>
/// The options of the training verbs (<c>train</c>, <c>reproduce</c>, <c>ablate</c>) that are not the experiment:
/// data, device, output, checkpoints, cache, bad-file handling and the runtime options.
/// </summary>
internal sealed class RunArgs
{
    private readonly Option<string?> _data;

    private readonly Option<double> _syntheticScale = new Option<double>("--synthetic-scale")
    {
        Description = "size of the embedded synthetic set relative to MTH416's counts",
        HelpName = "F",
        DefaultValueFactory = _ => 0.25,
    }.Positive();

    private readonly Option<string?> _device = new("--device")
    {
        Description = "cpu, cuda, cuda:N or auto (default: the preset's, cpu)",
        HelpName = "D",
    };

    private readonly Option<string> _out = new("--out")
    {
        Description = "where result files, predictions and checkpoints go; checked writable before any work",
        HelpName = "DIR",
        DefaultValueFactory = _ => "results",
    };

    /// <summary><c>--no-checkpoints</c> (a verb may refuse it with options that need checkpoints).</summary>
    public Option<bool> NoCheckpoints { get; } = new("--no-checkpoints")
    {
        Description = "write no per-epoch checkpoints (timing runs; --resume and predict need them)",
    };

    private readonly Option<string?> _cache = new("--cache")
    {
        Description = "decoded-tensor cache (default ~/.cache/repro or $REPRO_CACHE)",
        HelpName = "DIR",
    };

    private readonly Option<bool> _skipBadFiles = new("--skip-bad-files")
    {
        Description = "leave unreadable image files out (they are counted and listed) instead of stopping at the first",
    };

    private readonly Option<bool> _harmonize = new("--harmonize")
    {
        Description = "source-harmonised data: every image re-encoded by one JPEG encoder at one quality (--harmonize-quality) before use",
    };

    private readonly Option<int> _harmonizeQuality = new Option<int>("--harmonize-quality")
    {
        Description = "JPEG quality of --harmonize (default 75, the coarser of MTH416's two sources)",
        HelpName = "Q",
        DefaultValueFactory = _ => Repro.Data.DataOptions.DefaultHarmonizeQuality,
    }.Within(1, 100);

    private readonly RuntimeArgs _runtime;

    /// <param name="verb">The verb the options are added to.</param>
    /// <param name="dataDefault">What <c>--data</c> means when it is not given (shown in help).</param>
    public RunArgs(Command verb, string dataDefault)
    {
        _data = new("--data")
        {
            Description = $"dataset folder {{train,val,test}}/{{normal,benign,cancer|malignant}}/ (default: {dataDefault})",
            HelpName = "DIR",
        };
        foreach (var option in new Option[] { _data, _syntheticScale, _device, _out, NoCheckpoints, _cache, _skipBadFiles, _harmonize, _harmonizeQuality })
            verb.Add(option);
        _runtime = new RuntimeArgs(verb);
    }

    /// <summary><c>--data</c> (a verb may refuse it with options that choose other data).</summary>
    public Option<string?> DataOption => _data;

    /// <summary>The device asked for, or null (the preset's).</summary>
    public string? Device(ParseResult parse) => parse.GetValue(_device);

    /// <summary>
    /// Run options from the command line (seed given separately), after checking that the output folder can be
    /// written: a wrong <c>--out</c> is refused here, before anything is decoded or written.
    /// </summary>
    public RunOptions Read(ParseResult parse, TextWriter progress, string label)
    {
        string output = parse.GetValue(_out)!;
        try
        {
            OutputFolder.EnsureWritable(output);
        }
        catch (IOException e)
        {
            throw new IOException($"--out: {e.Message}", e);
        }
        return new RunOptions
        {
            DataDirectory = parse.GetValue(_data),
            SyntheticScale = parse.GetValue(_syntheticScale),
            Device = parse.GetValue(_device),
            OutputDirectory = output,
            WriteCheckpoints = !parse.GetValue(NoCheckpoints),
            CacheDirectory = parse.GetValue(_cache),
            SkipBadFiles = parse.GetValue(_skipBadFiles),
            HarmonizeJpegQuality = parse.GetValue(_harmonize) ? parse.GetValue(_harmonizeQuality) : null,
            Runtime = _runtime.Read(parse),
            Observer = new ConsoleProgress(label, progress),
        };
    }
}
