using System.CommandLine;
using Repro.Data;
using Repro.Experiments;
using Repro.IO;
using Repro.Runtime;

namespace Repro.Cli.Commands;

/// <summary>
/// <c>repro catalogue list|run NAME</c>: the experiment catalogue from the command line — what a GPU host without the
/// .NET SDK needs to run a <c>gpu</c> entry with the published CLI and check its snapshots against <c>snapshots/</c>.
/// <c>run</c> writes the entry's snapshot files as <c>{stem}.received.{ext}</c> under <c>--out</c>; with
/// <c>--verify DIR</c> it compares each with <c>DIR/{stem}.verified.{ext}</c> and exits 1 on any difference.
/// </summary>
internal sealed class CatalogueCommand : Verb
{
    private readonly Argument<string> _action = new("action") { Description = "list the entries, or run one" };
    private readonly Argument<string?> _name = new("name") { Description = "the entry to run", Arity = ArgumentArity.ZeroOrOne };

    private readonly Option<string?> _tier = new("--tier") { Description = "list: only this tier (cpu, long, gpu)", HelpName = "TIER" };
    private readonly Option<string?> _data = new("--data") { Description = "the MTH416 folder (default: data/mth416 found from the repository)", HelpName = "DIR" };
    private readonly Option<string?> _device = new("--device") { Description = "device for the runs (gpu entries: cuda)", HelpName = "DEVICE" };
    private readonly Option<string> _out = new("--out") { Description = "where the snapshot files go", HelpName = "DIR", DefaultValueFactory = _ => "catalogue-out" };
    private readonly Option<string?> _verify = new("--verify") { Description = "compare with the verified files in this folder (snapshots/); exit 1 on a difference", HelpName = "DIR" };
    private readonly Option<string?> _cache = new("--cache") { Description = "decoded-data and feature cache (default $REPRO_CACHE or ~/.cache/repro)", HelpName = "DIR" };
    private readonly Option<int> _threads = new Option<int>("--threads")
    {
        Description = "intra-op threads (default 2: the snapshots' pinned count)",
        HelpName = "N",
        DefaultValueFactory = _ => 2,
    }.Within(1, 1024);

    public CatalogueCommand() : base("catalogue", "list the experiment catalogue, or run one entry and write (or verify) its snapshots")
    {
        _action.AcceptOnlyFromAmong("list", "run");
        _tier.AcceptOnlyFromAmong("cpu", "long", "gpu");
        Add(_action);
        Add(_name);
        AddOptions(_tier, _data, _device, _out, _verify, _cache, _threads);
    }

    protected override int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        string? name = parse.GetValue(_name);
        if (parse.GetValue(_action) == "list")
        {
            if (name is not null) throw new UsageException("catalogue list takes no entry name");
            string? tier = parse.GetValue(_tier);
            foreach (var e in ExperimentCatalogue.All.Where(e => tier is null || e.Tier.ToString().Equals(tier, StringComparison.OrdinalIgnoreCase)))
                stdout.WriteLine($"{e.Name,-26} {e.Tier.ToString().ToLowerInvariant(),-5} {e.Kind,-9} {e.Description} [{e.Data}]");
            return 0;
        }
        if (name is null) throw new UsageException("catalogue run needs an entry name (repro catalogue list shows them)");
        Experiment experiment;
        try { experiment = ExperimentCatalogue.Get(name); }
        catch (ArgumentException e) { throw new UsageException(e.Message); }

        string data = parse.GetValue(_data) ?? VendoredData.Find()
            ?? throw new UsageException($"the MTH416 images were not found ({VendoredData.RelativePath} from the repository): pass --data DIR");
        if (!Directory.Exists(data)) throw new UsageException($"data folder '{data}' not found");
        string? device = parse.GetValue(_device);
        var runtime = new RuntimeOptions(Threads: parse.GetValue(_threads), CpuIsa: "avx2", Deterministic: true);
        TorchRuntime.EnsureInitialized(runtime);
        string? deviceClass = device is null || device == "cpu" ? null : Devices.DeviceClass(Devices.Resolve(device));
        var context = new ExperimentContext(data, runtime, parse.GetValue(_cache), device, deviceClass,
            Observer: label => new ConsoleProgress(label, stderr));
        var outcome = ExperimentRunner.Run(experiment, context);

        string outDir = parse.GetValue(_out)!;
        string? verify = parse.GetValue(_verify);
        int differ = 0;
        foreach (var doc in outcome.Documents)
        {
            string received = Path.Combine(outDir, $"{doc.Stem}.received.{doc.Extension}");
            AtomicFile.WriteAllText(received, doc.Text);
            if (verify is null)
            {
                stdout.WriteLine($"wrote {received}");
                continue;
            }
            string verified = Path.Combine(verify, doc.VerifiedFileName);
            string? expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n").TrimEnd('\n') + "\n" : null;
            bool same = expected == doc.Text.Replace("\r\n", "\n").TrimEnd('\n') + "\n";
            if (!same) differ++;
            stdout.WriteLine(same ? $"matches {verified}" : expected is null ? $"NO VERIFIED FILE {verified} (received: {received})" : $"DIFFERS from {verified} (received: {received})");
        }
        return differ == 0 ? 0 : 1;
    }
}
