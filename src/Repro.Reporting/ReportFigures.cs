using Repro.Data;
using Repro.Evaluation;
using Repro.Training;
using ScottPlot;

namespace Repro.Reporting;

/// <summary>
/// The report's PNG figures, drawn with ScottPlot 5 (rendered headless through SkiaSharp): confusion-matrix
/// heat maps, one-vs-rest ROC and precision-recall curves per class, and training curves.
/// Each method returns the PNG's bytes; nothing is written here.
/// </summary>
public static class ReportFigures
{
    /// <summary>Width of every figure in pixels.</summary>
    public const int Width = 800;
    /// <summary>Height of the curve figures in pixels.</summary>
    public const int Height = 480;

    private static readonly Color[] ClassColors =
    {
        Color.FromHex("#1f77b4"),   // normal: blue
        Color.FromHex("#ff7f0e"),   // benign: orange
        Color.FromHex("#d62728"),   // cancer: red
    };

    /// <summary>
    /// The confusion matrix as a heat map: rows = true class (top to bottom normal, benign, cancer), columns =
    /// predicted; colour = the row's fraction (recall on the diagonal), each cell labelled with count and fraction
    /// (drawn as rectangles, whose edges are exact at every size).
    /// </summary>
    public static byte[] ConfusionMatrix(IReadOnlyList<IReadOnlyList<int>> matrix, string title)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int n = matrix.Count;
        var fraction = new double[n, n];
        for (int a = 0; a < n; a++)
        {
            double total = matrix[a].Sum();
            for (int p = 0; p < n; p++) fraction[a, p] = total > 0 ? matrix[a][p] / total : 0;
        }
        using var plot = new Plot();
        // Cells as rectangles (exact edges at ±0.5), coloured white (0) to dark blue (1).
        var colormap = new ScottPlot.Colormaps.Blues();
        for (int a = 0; a < n; a++)
            for (int p = 0; p < n; p++)
            {
                double y = n - 1 - a;   // true class a: row a from the top
                var cell = plot.Add.Rectangle(p - 0.5, p + 0.5, y - 0.5, y + 0.5);
                cell.FillColor = colormap.GetColor(1 - fraction[a, p]);
                cell.LineColor = Colors.White;
                cell.LineWidth = 1;
                var text = plot.Add.Text($"{matrix[a][p].ToString(System.Globalization.CultureInfo.InvariantCulture)}\n{ReportFormat.Number(fraction[a, p], 2)}", p, y);
                text.Alignment = Alignment.MiddleCenter;
                text.LabelFontSize = 18;
                text.LabelBold = a == p;
                text.LabelFontColor = fraction[a, p] > 0.55 ? Colors.White : Colors.Black;
            }
        var names = ClassLabels.DisplayNames.Take(n).ToArray();
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, n).Select(i => (double)i).ToArray(), names);
        plot.Axes.Left.SetTicks(Enumerable.Range(0, n).Select(i => (double)(n - 1 - i)).ToArray(), names);
        plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
        plot.XLabel("predicted class");
        plot.YLabel("true class");
        plot.Title(title, 14);
        plot.HideGrid();
        return plot.GetImageBytes(560, 520, ImageFormat.Png);
    }

    /// <summary>One-vs-rest ROC curve of each class (legend: AUC), with the chance diagonal.</summary>
    public static byte[] RocCurves(IReadOnlyList<Prediction> predictions, string title)
    {
        using var plot = new Plot();
        var chance = plot.Add.Line(0, 0, 1, 1);
        chance.LineColor = Colors.Gray;
        chance.LinePattern = LinePattern.Dashed;
        chance.LegendText = "chance";
        for (int c = 0; c < ClassLabels.Count; c++)
        {
            if (RankingCurves.Roc(predictions, c) is not { } curve) continue;
            double auc = Area(curve);
            var line = plot.Add.ScatterLine(curve.X, curve.Y, ClassColors[c]);
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LegendText = $"{ClassLabels.DisplayNames[c]} (AUC {ReportFormat.Metric(auc)})";
        }
        Finish(plot, title, "false-positive rate (1 − specificity)", "true-positive rate (sensitivity)");
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>One-vs-rest precision-recall curve of each class (legend: average precision), with each class's prevalence dotted.</summary>
    public static byte[] PrecisionRecallCurves(IReadOnlyList<Prediction> predictions, string title)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        using var plot = new Plot();
        for (int c = 0; c < ClassLabels.Count; c++)
        {
            if (RankingCurves.PrecisionRecall(predictions, c) is not { } curve) continue;
            double ap = 0;
            for (int i = 1; i < curve.X.Length; i++) ap += (curve.X[i] - curve.X[i - 1]) * curve.Y[i];
            var line = plot.Add.ScatterLine(curve.X, curve.Y, ClassColors[c]);
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.ConnectStyle = ConnectStyle.StepVertical;
            line.LegendText = $"{ClassLabels.DisplayNames[c]} (AP {ReportFormat.Metric(ap)})";
            double prevalence = (double)predictions.Count(p => p.Label == c) / predictions.Count;
            var baseLine = plot.Add.HorizontalLine(prevalence, 1, ClassColors[c], LinePattern.Dotted);
            baseLine.ExcludeFromLegend = true;
        }
        Finish(plot, title, "recall (sensitivity)", "precision (PPV)");
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Training and validation loss per epoch (left axis) and validation balanced accuracy (right axis); the best epoch marked.</summary>
    public static byte[] TrainingCurves(IReadOnlyList<EpochRecord> history, int bestEpoch, string title)
    {
        ArgumentNullException.ThrowIfNull(history);
        using var plot = new Plot();
        double[] epochs = history.Select(h => (double)h.Epoch).ToArray();
        var train = plot.Add.Scatter(epochs, history.Select(h => h.TrainLoss).ToArray(), ClassColors[0]);
        train.LegendText = "train loss";
        train.LineWidth = 2;
        var val = plot.Add.Scatter(epochs, history.Select(h => h.ValLoss).ToArray(), ClassColors[1]);
        val.LegendText = "val loss";
        val.LineWidth = 2;
        var ba = plot.Add.Scatter(epochs, history.Select(h => h.ValBalancedAccuracy).ToArray(), Color.FromHex("#2ca02c"));
        ba.LegendText = "val balanced accuracy\n(right axis)";
        ba.LineWidth = 2;
        ba.LinePattern = LinePattern.Dashed;
        ba.Axes.YAxis = plot.Axes.Right;
        if (bestEpoch > 0)
        {
            var best = plot.Add.VerticalLine(bestEpoch, 1, Colors.Gray, LinePattern.Dotted);
            best.LegendText = $"best epoch ({bestEpoch})";
        }
        plot.Axes.Right.Label.Text = "val balanced accuracy";
        plot.Axes.SetLimitsY(0, 1, plot.Axes.Right);
        double lossMax = history.Select(h => Math.Max(Finite(h.TrainLoss), Finite(h.ValLoss))).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsY(0, lossMax > 0 ? lossMax * 1.1 : 1, plot.Axes.Left);
        plot.Axes.SetLimitsX(epochs.Length > 0 ? epochs[0] - 0.5 : 0, epochs.Length > 0 ? epochs[^1] + 0.5 : 1);
        if (epochs.Length <= 20) plot.Axes.Bottom.SetTicks(epochs, epochs.Select(e => e.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        plot.XLabel("epoch");
        plot.YLabel("loss");
        plot.Title(title, 14);
        plot.ShowLegend(Edge.Right);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static double Finite(double v) => double.IsFinite(v) ? v : 0;

    private static double Area(Curve roc)
    {
        double area = 0;
        for (int i = 1; i < roc.X.Length; i++) area += (roc.X[i] - roc.X[i - 1]) * (roc.Y[i] + roc.Y[i - 1]) / 2;
        return area;
    }

    private static void Finish(Plot plot, string title, string xLabel, string yLabel)
    {
        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Title(title, 14);
        plot.ShowLegend(Edge.Right);   // beside the data: curves can be anywhere
    }
}
