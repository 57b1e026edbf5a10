using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.Connections;

/// <summary>
/// "Leren van elkaar": the verbinder proposes a connection for a school (Consult); the asked school's users answer
/// (Edit on that school); both schools, their boards and the partnership read it (ViewInternal on either school).
/// </summary>
[Route("school/{code}/verbindingen")]
public sealed class ConnectionsController(CurrentUser currentUser) : Controller
{
    private CancellationToken Aborted => HttpContext.RequestAborted;
    private SchoolAccess Access => HttpContext.School();

    [HttpGet("nieuw")]
    [SchoolAccess(SchoolPermission.Consult)]
    public async Task<IActionResult> Create(string code, [FromQuery] ProposeConnection.Input input, [FromServices] ProposeConnection.Handler handler)
    {
        var topic = await handler.TopicAsync(Access, input, Aborted);
        if (topic is null && (input.Vraag is not null || input.Ontwikkelpunt is not null)) return NotFound();
        return View(await handler.PageAsync(Access, input, topic, Aborted));
    }

    [HttpPost("nieuw")]
    [SchoolAccess(SchoolPermission.Consult)]
    public async Task<IActionResult> Create(string code, [Bind(Prefix = "Input")] ProposeConnection.Input input, [FromServices] IValidator<ProposeConnection.Input> validator,
        [FromServices] ProposeConnection.Handler handler)
    {
        var topic = await handler.TopicAsync(Access, input, Aborted);
        if (topic is null) return NotFound();
        var page = await handler.PageAsync(Access, input, topic, Aborted);
        var validation = await validator.ValidateAsync(input, Aborted);
        var result = validation.IsValid
            ? await handler.ProposeAsync(Access, await currentUser.GetAsync(Aborted) ?? throw new InvalidOperationException("No user."), topic, input, page.Candidates, Aborted)
            : Result.Invalid(validation);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, "Input");
            return View(page);
        }

        TempData["Flash"] = "Het voorstel is verstuurd. De medewerkers van de andere school krijgen er bericht van en kunnen accepteren of afwijzen.";
        return Redirect($"/school/{Access.LocationCode}/verbindingen/{result.Id}");
    }

    [HttpGet("{id:int}")]
    [SchoolAccess(SchoolPermission.ViewInternal)]
    public async Task<IActionResult> Show(string code, int id, [FromServices] ConnectionDetails.Handler handler)
    {
        var model = await handler.FindAsync(Access, id, null, Aborted);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("{id:int}/antwoord")]
    [SchoolAccess(SchoolPermission.Edit)]
    public async Task<IActionResult> Answer(string code, int id, [Bind(Prefix = "Answer")] RespondToConnection.Input input, [FromServices] IValidator<RespondToConnection.Input> validator,
        [FromServices] RespondToConnection.Handler handler, [FromServices] ConnectionDetails.Handler details)
    {
        var validation = await validator.ValidateAsync(input, Aborted);
        var result = validation.IsValid
            ? await handler.HandleAsync(Access, await currentUser.GetAsync(Aborted) ?? throw new InvalidOperationException("No user."), id, input, Aborted)
            : Result.Invalid(validation);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.Succeeded)
        {
            TempData["Flash"] = input.Choice == RespondToConnection.Accept
                ? "U heeft het voorstel geaccepteerd. Beide scholen zien de verbinding nu op hun pagina, met de contactgegevens."
                : "U heeft het voorstel afgewezen. Team Basisondersteuning krijgt er bericht van.";
            return Redirect($"/school/{Access.LocationCode}/verbindingen/{id}");
        }

        ModelState.AddErrors(result, "Answer");
        var model = await details.FindAsync(Access, id, input, Aborted);
        if (model is null) return NotFound();
        if (result.Status is ResultStatus.Conflict or ResultStatus.Refused) Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Show", model);
    }
}
