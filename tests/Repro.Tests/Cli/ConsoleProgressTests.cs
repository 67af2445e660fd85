using Repro.Cli;

namespace Repro.Tests.Cli;

public class ConsoleProgressTests
{
    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualClock : TimeProvider
    {
        public long Ticks;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Ticks;
        public void Advance(double seconds) => Ticks += (long)(seconds * TimeSpan.TicksPerSecond);
    }

    [Fact]
    public void Eta_is_the_time_per_batch_so_far_times_the_batches_left()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), ConsoleProgress.Eta(TimeSpan.FromSeconds(10), 10, 40));
        Assert.Equal(TimeSpan.Zero, ConsoleProgress.Eta(TimeSpan.FromSeconds(10), 40, 40));
        Assert.Equal(TimeSpan.Zero, ConsoleProgress.Eta(TimeSpan.Zero, 0, 40));
    }

    [Fact]
    public void Eta_counts_from_the_epoch_start_when_the_first_reported_batch_is_not_batch_one()
    {
        // loss_read_interval = 4: batches 4, 8, … are reported, never batch 1. 100 s for 4 of 12 batches → 200 s left.
        var clock = new ManualClock();
        var w = new StringWriter();
        var progress = new ConsoleProgress("t", w, live: true, time: clock);
        progress.OnStage("train");
        clock.Advance(100);
        progress.OnBatch(1, 2, 4, 12, 0.5, 10);
        Assert.Contains("ETA 3:20", w.ToString());

        // The second epoch's clock restarts at the first epoch's end, not at its first reported batch.
        progress.OnEpoch(new Repro.Training.EpochRecord(1, [1e-3], 0.5, 0.6, 0.4, [0.3, 0.3, 0.3], true, 10, 100), 2);
        clock.Advance(50);
        w.GetStringBuilder().Clear();
        progress.OnBatch(2, 2, 4, 12, 0.5, 10);
        Assert.Contains("ETA 1:40", w.ToString());
    }
}
