using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Repro.Reproduction.Tests.Sweeps;

/// <summary>
/// A single-node Slurm cluster on this machine for one test: a munge key and munged on a socket of its own, a minimal
/// slurm.conf for the local host (proctrack/linuxproc, task/none, no cgroups, no accounting, free ports, state in a
/// temporary folder), slurmctld and slurmd in the foreground as children of the test. <see cref="Dispose"/> cancels
/// what was submitted and stops exactly the daemons it started; each daemon also runs under <c>timeout</c>, so a
/// crashed test host cannot leave them behind for long.
/// </summary>
internal sealed class SlurmCluster : IDisposable
{
    private static readonly string[] Daemons = { "munged", "slurmctld", "slurmd" };
    private static readonly string[] Clients = { "sbatch", "squeue", "scancel", "sinfo", "timeout" };
    private static readonly string[] SearchPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Concat(new[] { "/usr/sbin", "/sbin", "/usr/bin", "/bin" }).Distinct().ToArray();
    private const int DaemonLifetimeSeconds = 900;

    private readonly List<Process> _daemons = new();
    private readonly List<string> _jobs = new();
    private readonly string _dir;
    private readonly string _conf;

    /// <summary>What this machine lacks to run a local cluster (empty when it has everything).</summary>
    public static IReadOnlyList<string> Missing()
    {
        if (!OperatingSystem.IsLinux()) return new[] { "Slurm daemons run on Linux only" };
        var missing = Daemons.Concat(Clients).Where(b => Find(b) is null).Select(b => $"'{b}' is not installed").ToList();
        if (missing.Count > 0) missing.Add("install with: apt-get install -y slurm-wlm munge (.ci/run does)");
        if (Environment.UserName != "root") missing.Add($"the daemons run as root here, and this is user '{Environment.UserName}'");
        return missing;
    }

    /// <summary>The local host's short name, as slurmd finds it.</summary>
    public string Host { get; } = Environment.MachineName.Split('.')[0];

    /// <summary>Folder of the config, state and logs.</summary>
    public string Directory => _dir;

    private SlurmCluster(string dir)
    {
        _dir = dir;
        _conf = Path.Combine(dir, "slurm.conf");
    }

    /// <summary>Starts munged, slurmctld and slurmd and waits (bounded) until the node is idle.</summary>
    public static SlurmCluster Start(string dir, TimeSpan timeout)
    {
        var cluster = new SlurmCluster(dir);
        try
        {
            cluster.Boot(timeout);
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    private void Boot(TimeSpan timeout)
    {
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("a local Slurm cluster needs Linux");
        string munge = Path.Combine(_dir, "munge");
        foreach (string d in new[] { munge, Path.Combine(_dir, "state"), Path.Combine(_dir, "spool"), Path.Combine(_dir, "log") })
            System.IO.Directory.CreateDirectory(d);
        File.SetUnixFileMode(munge, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        string key = Path.Combine(munge, "munge.key");
        File.WriteAllBytes(key, System.Security.Cryptography.RandomNumberGenerator.GetBytes(1024));
        File.SetUnixFileMode(key, UnixFileMode.UserRead);
        string socket = Path.Combine(munge, "munge.sock");

        Spawn("munged", "-F", "-f", $"--key-file={key}", $"--socket={socket}", $"--pid-file={Path.Combine(munge, "munged.pid")}",
            $"--seed-file={Path.Combine(munge, "munged.seed")}", $"--log-file={Path.Combine(_dir, "log", "munged.log")}");
        WaitFor(() => File.Exists(socket), timeout, "munged's socket");

        int cpus = Environment.ProcessorCount;
        var conf = new StringBuilder();
        void L(string line) => conf.Append(line).Append('\n');
        L("ClusterName=reprotest");
        L($"SlurmctldHost={Host}(127.0.0.1)");
        L($"SlurmctldPort={FreePort()}");
        L($"SlurmdPort={FreePort()}");
        L("SlurmUser=root");
        L("SlurmdUser=root");
        L("AuthType=auth/munge");
        L("CredType=cred/munge");
        L($"AuthInfo=socket={socket}");
        L($"StateSaveLocation={Path.Combine(_dir, "state")}");
        L($"SlurmdSpoolDir={Path.Combine(_dir, "spool")}");
        L($"SlurmctldPidFile={Path.Combine(_dir, "slurmctld.pid")}");
        L($"SlurmdPidFile={Path.Combine(_dir, "slurmd.pid")}");
        L($"SlurmctldLogFile={Path.Combine(_dir, "log", "slurmctld.log")}");
        L($"SlurmdLogFile={Path.Combine(_dir, "log", "slurmd.log")}");
        L("ProctrackType=proctrack/linuxproc");
        L("TaskPlugin=task/none");
        L("JobAcctGatherType=jobacct_gather/none");
        L("AccountingStorageType=accounting_storage/none");
        L("JobCompType=jobcomp/none");
        L("MpiDefault=none");
        L("MailProg=/bin/true");
        L("SchedulerType=sched/backfill");
        L("SelectType=select/cons_tres");
        L("SelectTypeParameters=CR_CPU");
        L("ReturnToService=2");
        L($"NodeName={Host} NodeAddr=127.0.0.1 CPUs={cpus.ToString(CultureInfo.InvariantCulture)} State=UNKNOWN");
        L($"PartitionName=repro Nodes={Host} Default=YES MaxTime=INFINITE State=UP");
        File.WriteAllText(_conf, conf.ToString());

        Spawn("slurmctld", "-D", "-f", _conf);
        Spawn("slurmd", "-D", "-f", _conf, "-N", Host);
        WaitFor(() => Client("sinfo", "-h", "-o", "%T").Out.Trim() == "idle", timeout, "the node to come up idle");
    }

    /// <summary>Submits <paramref name="script"/> from <paramref name="workingDirectory"/>; returns the job id.</summary>
    public string Submit(string workingDirectory, string script, IReadOnlyDictionary<string, string> environment)
    {
        var (code, stdout, stderr) = Client(workingDirectory, environment, "sbatch", "--parsable", script);
        if (code != 0) throw new InvalidOperationException($"sbatch failed ({code}): {stderr}{stdout}\n{Logs()}");
        string id = stdout.Trim().Split(';')[0];
        _jobs.Add(id);
        return id;
    }

    /// <summary>Waits until job <paramref name="id"/> has left the queue; false when <paramref name="timeout"/> passed first.</summary>
    public bool WaitUntilDone(string id, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var (code, stdout, _) = Client("squeue", "-h", "-j", id, "-o", "%i %T");
            // squeue names an unknown (finished and purged) job id with an error; an empty queue is done too.
            if (code != 0 || stdout.Trim().Length == 0) return true;
            Thread.Sleep(1000);
        }
        return false;
    }

    /// <summary>The daemons' logs, for a failure message.</summary>
    public string Logs()
    {
        var sb = new StringBuilder();
        foreach (string f in System.IO.Directory.EnumerateFiles(Path.Combine(_dir, "log")).Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(f);
            sb.Append($"--- {Path.GetFileName(f)} (last 20 lines)\n").AppendJoin('\n', lines.TakeLast(20)).Append('\n');
        }
        return sb.ToString();
    }

    public void Dispose()
    {
        foreach (string id in _jobs)
            try { Client("scancel", id); } catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception) { }
        // Stop in reverse order of start: slurmd, slurmctld, then munged.
        for (int i = _daemons.Count - 1; i >= 0; i--)
        {
            var p = _daemons[i];
            try
            {
                if (!p.HasExited)
                {
                    p.Kill(entireProcessTree: true);
                    p.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException) { }
            p.Dispose();
        }
        _daemons.Clear();
    }

    private void Spawn(string daemon, params string[] args)
    {
        // timeout --kill-after bounds the daemon's life even if nothing stops it.
        var psi = new ProcessStartInfo(Find("timeout")!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { "--kill-after=5", DaemonLifetimeSeconds.ToString(CultureInfo.InvariantCulture), Find(daemon)! }.Concat(args))
            psi.ArgumentList.Add(a);
        psi.Environment["SLURM_CONF"] = _conf;
        var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {daemon}");
        string log = Path.Combine(_dir, "log", daemon + ".out");
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_daemons) File.AppendAllText(log, e.Data + "\n"); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_daemons) File.AppendAllText(log, e.Data + "\n"); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        _daemons.Add(p);
    }

    private (int Code, string Out, string Err) Client(params string[] args) =>
        Client(_dir, new Dictionary<string, string>(), args);

    private (int Code, string Out, string Err) Client(string cwd, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo(Find(args[0]) ?? throw new InvalidOperationException($"{args[0]} is not installed"))
        {
            WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (string a in args.Skip(1)) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        psi.Environment["SLURM_CONF"] = _conf;
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(30_000)) { p.Kill(); throw new InvalidOperationException($"{args[0]} did not answer within 30 s"); }
        return (p.ExitCode, stdout, stderr.Result);
    }

    private void WaitFor(Func<bool> ready, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!ready())
        {
            if (clock.Elapsed > timeout || _daemons.Any(d => d.HasExited))
                throw new InvalidOperationException($"the local Slurm cluster did not come up: waited {clock.Elapsed.TotalSeconds:F0} s for {what}" +
                    (_daemons.FirstOrDefault(d => d.HasExited) is { } dead ? $" (a daemon exited with {dead.ExitCode})" : "") + $"\n{Logs()}");
            Thread.Sleep(250);
        }
    }

    private static string? Find(string binary) =>
        SearchPath.Select(d => Path.Combine(d, binary)).FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
