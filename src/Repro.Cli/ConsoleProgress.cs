using System.Diagnostics;
using Repro.Training;

namespace Repro.Cli;

/// <summary>
/// Progress of a training run on stderr: a live bar per epoch (images/s, loss, ETA) on a terminal, one line
/// per epoch when stderr is redirected (logs, CI).
/// </summary>
internal sealed class ConsoleProgress(string label, TextWriter writer) : ITrainingObserver
{
    private readonly bool _live = !Console.IsErrorRedirected && ReferenceEquals(writer, Console.Error);
    private readonly Stopwatch _sinceDraw = Stopwatch.StartNew();
    private readonly Stopwatch _epochClock = new();

    public void OnStage(string stage)
    {
        if (stage == "train") return;
        writer.WriteLine($"[{label}] {stage}…");
    }

    public void OnBatch(int epoch, int epochs, int batch, int batches, double loss, double imagesPerSecond)
    {
        if (batch == 1) _epochClock.Restart();
        if (!_live || (batch != batches && _sinceDraw.ElapsedMilliseconds < 200)) return;
        _sinceDraw.Restart();
        const int width = 24;
        int filled = (int)Math.Round(width * (double)batch / batches);
        double eta = _epochClock.Elapsed.TotalSeconds / batch * (batches - batch);
        writer.Write($"\r[{label}] epoch {epoch}/{epochs} [{new string('#', filled)}{new string('-', width - filled)}] " +
                     $"{batch}/{batches}  loss {loss:F4}  {imagesPerSecond:F0} img/s  ETA {TimeSpan.FromSeconds(eta):m\\:ss}   ");
    }

    public void OnEpoch(EpochRecord r, int epochs)
    {
        if (_live) writer.Write("\r" + new string(' ', 110) + "\r");
        string recall = string.Join(" / ", r.ValRecall.Select(v => v.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)));
        writer.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"[{label}] epoch {r.Epoch,2}/{epochs}  train loss {r.TrainLoss:F4}  val loss {r.ValLoss:F4}  val BA {r.ValBalancedAccuracy:F3}  recall N/B/C {recall}  lr {r.LearningRates.FirstOrDefault():G3}  {r.TrainImagesPerSecond:F0} img/s  {r.Seconds:F1} s{(r.IsBest ? "  *best" : "")}"));
    }
}
