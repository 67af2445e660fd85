using System.Text;

namespace Repro.Reporting;

/// <summary>Section 4c of a snapshot report: the lesion headline (<see cref="LesionHeadline"/>, as README shows it) and each cross-validation's folds.</summary>
internal static class LesionHeadlineSection
{
    public static void Write(StringBuilder sb, IReadOnlyList<LoadedRun> runs, IReadOnlyList<LoadedCrossValidation> crossValidations,
        IReadOnlyList<ExperimentStatus> experiments)
    {
        sb.Append("## 4c. Lesion headline: test split over seeds and cross-validation\n\n");
        sb.Append("Benign vs cancer (section 4b's metrics) beside the 3-class balanced accuracy and Normal recall, on the original images and on " +
                  "the source-harmonised ones (every image re-encoded at one JPEG quality: what Normal recall loses there was the encoding). " +
                  "The study's test split holds few lesion images, so a single run's interval is wide while the seeds barely move it; the " +
                  "patient-grouped cross-validation predicts every image once, out of fold, and pools them. README shows the same table.\n\n");
        sb.Append(LesionHeadline.Markdown(runs, crossValidations, experiments)).Append('\n');
        sb.Append("Each cross-validation fold: trained on the other folds with an inner validation split (model selection, decision offsets), " +
                  "tested on the held-out fold; the pooled row is the out-of-fold predictions of all folds evaluated at once.\n\n");
        sb.Append(LesionHeadline.FoldsMarkdown(crossValidations, experiments));
    }
}
