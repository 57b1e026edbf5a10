using FluentValidation;
using Zout.Basisondersteuning.Web.Domain.Privacy;

namespace Zout.Basisondersteuning.Web.Infrastructure.Validation;

/// <summary>
/// The one validator rule for free text anywhere in the portal that could hold pupil data: requests and replies,
/// conversation reports and agreements, signals, connections. Refuses a BSN or a date of birth with a Dutch message
/// next to the field (<see cref="PupilDataCheck"/>).
/// <code>RuleFor(x => x.Description).NoPupilData(time);</code>
/// </summary>
public static class PupilDataRules
{

    public static IRuleBuilderOptions<T, string?> NoPupilData<T>(this IRuleBuilder<T, string?> rule, TimeProvider time) =>
        rule.Must(text => PupilDataCheck.Find(text, time.Today()) is null)
            .WithMessage((_, text) => Message(PupilDataCheck.Find(text, time.Today())));

    public static string Message(PupilDataFinding? finding) => finding switch
    {
        null => "",
        { Kind: PupilDataKind.CitizenServiceNumber } =>
            $"Dit lijkt op een burgerservicenummer ({finding.Match}). Het portaal bevat geen gegevens van leerlingen: laat het nummer weg.",
        _ => $"Dit lijkt op een geboortedatum ({finding.Match}). Het portaal bevat geen gegevens van leerlingen: laat de datum weg, of noem alleen de groep of maand en jaar.",
    };
}
