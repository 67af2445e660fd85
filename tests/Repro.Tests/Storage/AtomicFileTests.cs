using System.Diagnostics;
using Repro.IO;

namespace Repro.Tests.Storage;

/// <summary>(Folder Storage, not IO: a Repro.Tests.IO namespace would hide Repro.IO from the tests.) Temporary files of interrupted atomic writes: named by host and process, removed only when their writer is gone.</summary>
public class AtomicFileTests
{
    private static int DeadProcessId()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        p.WaitForExit();
        return p.Id;
    }

    [Fact]
    public void Temp_names_carry_a_dotless_host_and_the_process_id()
    {
        var writer = new WriterIdentity(WriterIdentity.Sanitise("node-3.cluster.local"), 4242);
        Assert.Equal("node-3-cluster-local", writer.Host);
        string name = AtomicFile.TempFileName("run.last.ckpt", writer);
        Assert.Matches(@"^\.run\.last\.ckpt\.node-3-cluster-local\.4242\.[0-9a-f]{32}\.tmp$", name);
    }

    [Fact]
    public void Only_this_hosts_dead_writers_files_are_removed()
    {
        string dir = RepoPaths.NewTempDir("atomic");
        string host = WriterIdentity.Current.Host;
        int dead = DeadProcessId();
        using var live = Process.Start(new ProcessStartInfo("sleep", "120") { UseShellExecute = false })!;
        try
        {
            string Make(WriterIdentity w)
            {
                string path = Path.Combine(dir, AtomicFile.TempFileName("r.json", w));
                File.WriteAllText(path, "partial");
                return path;
            }
            string deadWriter = Make(new WriterIdentity(host, dead));
            string otherHost = Make(new WriterIdentity("elsewhere", dead));
            string liveWriter = Make(new WriterIdentity(host, live.Id));
            string self = Make(WriterIdentity.Current);
            string legacy = Path.Combine(dir, $".r.json.{dead}.{Guid.NewGuid():N}.tmp"); // the old name: no host, so not ours to judge
            File.WriteAllText(legacy, "partial");
            string unrelated = Path.Combine(dir, ".notes.tmp");
            File.WriteAllText(unrelated, "mine");

            var removed = AtomicFile.RemoveStaleTempFiles(dir);

            Assert.Equal(new[] { deadWriter }, removed);
            foreach (string kept in new[] { otherHost, liveWriter, self, legacy, unrelated }) Assert.True(File.Exists(kept), kept);
        }
        finally
        {
            live.Kill();
        }
    }

    [Fact]
    public void A_writer_that_started_after_the_file_was_written_is_not_its_writer()
    {
        // pid reuse: a live process with the file's pid, started after the file's last write, cannot have written it
        using var live = Process.Start(new ProcessStartInfo("sleep", "120") { UseShellExecute = false })!;
        try
        {
            Assert.True(WriterIdentity.IsAlive(live.Id, DateTime.UtcNow));
            Assert.False(WriterIdentity.IsAlive(live.Id, DateTime.UtcNow.AddHours(-1)));
            Assert.False(WriterIdentity.IsAlive(DeadProcessId(), DateTime.UtcNow));
        }
        finally
        {
            live.Kill();
        }
    }

    [Fact]
    public void An_injected_crash_leaves_the_old_file_and_the_temp_file_and_the_next_write_cleans_up()
    {
        string dir = RepoPaths.NewTempDir("atomic-crash");
        string target = Path.Combine(dir, "result.json");
        AtomicFile.WriteAllText(target, "old");
        int dead = DeadProcessId();
        AtomicFile.Fault = new AtomicFileFault(".json", new WriterIdentity(WriterIdentity.Current.Host, dead), 3);
        try
        {
            Assert.Throws<SimulatedCrashException>(() => AtomicFile.WriteAllText(target, "new content"));
        }
        finally
        {
            AtomicFile.Fault = null;
        }
        Assert.Equal("old", File.ReadAllText(target)); // readers never see a torn file
        string temp = Assert.Single(Directory.GetFiles(dir, ".*.tmp"));
        Assert.Equal("new", File.ReadAllText(temp)); // cut after 3 bytes

        AtomicFile.ForgetSweeps(); // as a new process
        AtomicFile.WriteAllText(Path.Combine(dir, "other.json"), "x");
        Assert.False(File.Exists(temp));
        Assert.Equal("old", File.ReadAllText(target));
    }
}
