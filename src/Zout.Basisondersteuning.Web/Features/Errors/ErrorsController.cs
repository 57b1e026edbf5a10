using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Infrastructure.Database;

namespace Zout.Basisondersteuning.Web.Features.Errors;

public sealed record ErrorModel(int StatusCode, string Title, string Message, string? ReferenceId);

/// <summary>Dutch error pages. A 500 shows a reference id to quote, never a stack trace.</summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController(ILogger<ErrorsController> logger) : Controller
{
    /// <summary>Set for the outage page: the layout then leaves out what needs the database (the navigation).</summary>
    public const string OutageViewDataKey = "DatabaseOutage";

    [Route("/fout")]
    [IgnoreAntiforgeryToken]
    public IActionResult ServerError()
    {
        var referenceId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        var feature = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var outage = DatabaseOutage.Classify(feature?.Error);
        if (outage != DatabaseOutageKind.None)
        {
            // The database is away or full: not a bug of the page. 503, in Dutch, without the navigation (it needs the database).
            logger.LogError(feature!.Error, "Database {Outage} on {Path}; reference {ReferenceId}", outage, feature.Path, referenceId);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "30";
            ViewData[OutageViewDataKey] = true;
            return View("Error", outage == DatabaseOutageKind.DiskFull
                ? new ErrorModel(503, "Opslaan lukt nu niet",
                    "De opslag van de server is vol, daarom kon de portal niets bewaren. Wat u net verstuurde is niet opgeslagen; wat al was opgeslagen, blijft bewaard. " +
                    "Probeer het later opnieuw en meld het aan de beheerder, met de referentiecode.", referenceId)
                : new ErrorModel(503, "De portal is even niet beschikbaar",
                    "De database van de portal is op dit moment niet bereikbaar. Wat u al had opgeslagen, blijft bewaard. Probeer het over een paar minuten opnieuw. " +
                    "Blijft het misgaan? Neem dan contact op met de beheerder en noem de referentiecode.", referenceId));
        }

        if (feature is not null)
        {
            logger.LogError(feature.Error, "Unhandled exception on {Path}; reference {ReferenceId}", feature.Path, referenceId);
        }

        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Error", new ErrorModel(500, "Er is iets misgegaan",
            "Er ging bij ons iets mis. Probeer het later opnieuw. Blijft het misgaan? Neem dan contact op met de beheerder en noem de referentiecode.",
            referenceId));
    }

    [Route("/fout/{statusCode:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Status(int statusCode)
    {
        Response.StatusCode = statusCode;
        var model = statusCode switch
        {
            403 => new ErrorModel(403, "Geen toegang", "U heeft geen toegang tot deze pagina. Denkt u dat dit niet klopt? Neem dan contact op met de beheerder van het samenwerkingsverband.", null),
            404 => new ErrorModel(404, "Pagina niet gevonden", "Deze pagina bestaat niet (meer). Controleer het adres, of ga naar de startpagina.", null),
            429 => new ErrorModel(429, "Te veel pogingen", "Er is te vaak geprobeerd in te loggen of een e-mail te laten sturen. Wacht een paar minuten en probeer het dan opnieuw. Wachtwoord vergeten? Stel dan een nieuw wachtwoord in via 'Wachtwoord vergeten'.", null),
            400 => new ErrorModel(400, "Ongeldig verzoek", "Uw verzoek kon niet worden verwerkt. Ververs de pagina en probeer het opnieuw.", HttpContext.TraceIdentifier),
            _ => new ErrorModel(statusCode, "Er is iets misgegaan", "Uw verzoek kon niet worden verwerkt. Probeer het later opnieuw.", Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier),
        };
        return View("Error", model);
    }
}
