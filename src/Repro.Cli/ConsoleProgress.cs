using System.Globalization;
using Repro.Training;

namespace Repro.Cli;

/// <summary>
/// Progress of a training run on stderr: a live bar per epoch (images/s, loss, ETA) on a terminal, one line
/// per epoch when stderr is redirected (logs, CI).
/// </summary>
/// <param name="label">What runs (shown in brackets).</param>
/// <param name="writer">Where progress goes.</param>
/// <param name="live">Draw the live bar; null: when <paramref name="writer"/> is a terminal's stderr.</param>
/// <param name="time">The clock (tests pass a manual one); null: the system's.</param>
internal sealed class ConsoleProgress(string label, TextWriter writer, bool? live = null, TimeProvider? time = null) : ITrainingObserver
{
    private const double RedrawSeconds = 0.2;
    private readonly bool _live = live ?? (!Console.IsErrorRedirected && ReferenceEquals(writer, Console.Error));
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private long _lastDraw = long.MinValue;
    private long _epochStart;

    public void OnStage(string stage)
    {
        // The epoch clock starts with training and restarts at each epoch's end, so the ETA is right whichever batch
        // is the first one reported (with loss_read_interval > 1 that is not batch 1).
        if (stage == "train")
        {
            _epochStart = _time.GetTimestamp();
            return;
        }
        writer.WriteLine($"[{label}] {stage}…");
    }

    public void OnBatch(int epoch, int epochs, int batch, int batches, double loss, double imagesPerSecond)
    {
        if (!_live) return;
        long now = _time.GetTimestamp();
        if (batch != batches && _lastDraw != long.MinValue && _time.GetElapsedTime(_lastDraw, now).TotalSeconds < RedrawSeconds) return;
        _lastDraw = now;
        const int width = 24;
        int filled = (int)Math.Round(width * (double)batch / batches);
        var eta = Eta(_time.GetElapsedTime(_epochStart, now), batch, batches);
        writer.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r[{label}] epoch {epoch}/{epochs} [{new string('#', filled)}{new string('-', width - filled)}] " +
            $"{batch}/{batches}  loss {loss:F4}  {imagesPerSecond:F0} img/s  ETA {eta:m\\:ss}   "));
    }

    public void OnEpoch(EpochRecord r, int epochs)
    {
        if (_live) writer.Write("\r" + new string(' ', 110) + "\r");
        string recall = string.Join(" / ", r.ValRecall.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{label}] epoch {r.Epoch,2}/{epochs}  train loss {r.TrainLoss:F4}  val loss {r.ValLoss:F4}  val BA {r.ValBalancedAccuracy:F3}  recall N/B/C {recall}  lr {r.LearningRates.FirstOrDefault():G3}  {r.TrainImagesPerSecond:F0} img/s  {r.Seconds:F1} s{(r.IsBest ? "  *best" : "")}"));
        _epochStart = _time.GetTimestamp();
    }

    /// <summary>Time left in the epoch: the time per batch so far times the batches left.</summary>
    internal static TimeSpan Eta(TimeSpan elapsed, int batch, int batches) =>
        batch <= 0 ? TimeSpan.Zero : elapsed / batch * (batches - batch);
}
