using Microsoft.AspNetCore.Mvc.ModelBinding;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Features.Scans;

public static class ScanViewHelpers
{
    public static IReadOnlyList<string> ErrorsFor(this ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];

    public static string Name(int index, string field) => $"Input.Items[{index}].{field}";

    public static string Id(int index, string field) => $"Input_Items_{index}__{field}";

    public static string OriginCss(AnswerOrigin? origin) => origin switch
    {
        AnswerOrigin.Changed => "zb-origin zb-origin--changed",
        AnswerOrigin.ConfirmedUnchanged => "zb-origin zb-origin--confirmed",
        AnswerOrigin.CarriedOver => "zb-origin zb-origin--carried",
        AnswerOrigin.New => "zb-origin zb-origin--new",
        _ => "zb-origin",
    };
}
