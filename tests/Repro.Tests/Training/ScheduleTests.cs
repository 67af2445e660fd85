using Repro.Training.Schedules;

namespace Repro.Tests.Training;

public class ScheduleTests
{
    [Fact]
    public void Plateau_reduces_after_more_than_patience_bad_epochs_like_pytorch()
    {
        var s = new ReduceLrOnPlateau(patience: 3, factor: 0.5, minLr: 1e-7);
        double[] lr = { 3e-4 };
        var seen = new List<double>();
        foreach (double metric in new[] { 0.40, 0.40, 0.39, 0.40, 0.40, 0.41, 0.41 })
        {
            lr = s.Step(metric, lr);
            seen.Add(lr[0]);
        }
        // epoch 1 sets the best; epochs 2-4 are bad (1,2,3); epoch 5 is the 4th bad one (> 3) → halve, counter resets;
        // epoch 6 improves; epoch 7 is bad (1).
        Assert.Equal(new[] { 3e-4, 3e-4, 3e-4, 3e-4, 1.5e-4, 1.5e-4, 1.5e-4 }, seen);
        Assert.Equal(new PlateauState(0.41, 1), s.State);
    }

    [Fact]
    public void Plateau_needs_a_relative_improvement_and_respects_the_floor()
    {
        var s = new ReduceLrOnPlateau(patience: 0, factor: 0.5, minLr: 1e-4);
        double[] lr = { 3e-4, 1e-4 };
        lr = s.Step(0.5, lr);
        lr = s.Step(0.50001, lr); // +0.002% < 0.01%: not an improvement
        Assert.Equal(new[] { 1.5e-4, 1e-4 }, lr);
        lr = s.Step(0.4, lr);
        Assert.Equal(new[] { 1e-4, 1e-4 }, lr);
    }

    [Fact]
    public void Early_stopping_waits_patience_epochs_after_the_best()
    {
        var e = new EarlyStopping(2);
        Assert.True(e.Observe(1, 0.5));
        Assert.False(e.Observe(2, 0.5)); // equal is not better
        Assert.False(e.ShouldStop);
        Assert.False(e.Observe(3, 0.4));
        Assert.True(e.ShouldStop);
        Assert.Equal(new EarlyStoppingState(0.5, 1, 2), e.State);
    }

    [Fact]
    public void Early_stopping_with_zero_patience_never_stops()
    {
        var e = new EarlyStopping(0);
        for (int i = 1; i <= 10; i++) e.Observe(i, 0.1);
        Assert.False(e.ShouldStop);
        Assert.Equal(1, e.State.BestEpoch);
    }
}
