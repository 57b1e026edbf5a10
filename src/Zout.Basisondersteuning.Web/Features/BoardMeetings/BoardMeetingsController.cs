using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Features.Conversations;
using Zout.Basisondersteuning.Web.Features.Dashboards;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.BoardMeetings;

/// <summary>
/// A board's startbijeenkomsten: read by the board's users and the partnership's staff (ViewInternal), recorded by
/// partnership staff who see at least one of its schools (Consult). Each school's part is one of its conversations.
/// </summary>
[Route("bestuur/{bestuur:int}/bijeenkomsten")]
public sealed class BoardMeetingsController(CurrentUser currentUser, TimeProvider time, FrameworkStore frameworks) : Controller
{
    private CancellationToken Aborted => HttpContext.RequestAborted;
    private BoardAccess Board => HttpContext.Board();

    [HttpGet("")]
    [BoardAccess(BoardPermission.ViewInternal)]
    public async Task<IActionResult> Index(int bestuur, string? export, string? tabel, [FromServices] AccessPolicy policy, [FromServices] BoardMeetingDetails.Handler handler)
    {
        var canRecord = (await policy.ForBoardAsync(bestuur, BoardPermission.Consult, Aborted)).IsAllowed;
        return this.PageOrDownload("Index", await handler.ListAsync(Board, canRecord, Aborted), export, tabel);
    }

    [HttpGet("nieuw")]
    [BoardAccess(BoardPermission.Consult)]
    public async Task<IActionResult> Create(int bestuur, [FromServices] RecordBoardMeeting.Handler handler)
    {
        var schools = await handler.SchoolsAsync(bestuur, Aborted);
        var input = new BoardMeetingForm.Input
        {
            Date = ConversationForm.Iso(time.Today()),
            Schools = [.. schools.Select(s => new BoardMeetingForm.SchoolPart { Code = s.Code, Included = true })],
        }.WithEmptyRows(agreements: 2);
        return View(new BoardMeetingForm.Model(bestuur, Board.Board!.Name, input, schools, YearName(input)));
    }

    [HttpPost("nieuw")]
    [BoardAccess(BoardPermission.Consult)]
    public async Task<IActionResult> Create(int bestuur, [Bind(Prefix = BoardMeetingForm.Prefix)] BoardMeetingForm.Input input, [FromForm(Name = BoardMeetingForm.AddRowButton)] string? meer,
        [FromServices] IValidator<BoardMeetingForm.Input> validator, [FromServices] RecordBoardMeeting.Handler handler)
    {
        var schools = await handler.SchoolsAsync(bestuur, Aborted);
        // The form shows the schools the user may see, in their order, whatever was posted.
        input.Schools = [.. schools.Select(s => input.Schools.FirstOrDefault(p => p.Code == s.Code) ?? new BoardMeetingForm.SchoolPart { Code = s.Code })];
        var model = new BoardMeetingForm.Model(bestuur, Board.Board!.Name, input, schools, YearName(input));
        if (meer is not null)
        {
            ModelState.Clear();
            input.Schools.FirstOrDefault(p => p.Code == meer)?.Agreements.Add(new ConversationForm.AgreementInput());
            return View(model);
        }

        var year = ConversationForm.ParseDate(input.Date) is { } date ? await frameworks.ForYearAsync(ConversationForm.SchoolYearName(date), Aborted) : null;
        var validation = await validator.ValidateAsync(input, year, Aborted);
        var result = validation.IsValid && ModelState.IsValid
            ? await handler.CreateAsync(Board.Board, await currentUser.GetAsync(Aborted) ?? throw new InvalidOperationException("No user."), year!, input, Aborted)
            : Result.Invalid(validation);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, BoardMeetingForm.Prefix);
            input.WithEmptyRows();
            return View(model);
        }

        TempData["Flash"] = "De startbijeenkomst is vastgelegd. Elke school leest haar eigen deel bij haar gesprekken; de medewerkers krijgen er bericht van.";
        return Redirect($"/bestuur/{bestuur}/bijeenkomsten/{result.Id}");
    }

    [HttpGet("{id:int}")]
    [BoardAccess(BoardPermission.ViewInternal)]
    public async Task<IActionResult> Show(int bestuur, int id, [FromServices] BoardMeetingDetails.Handler handler)
    {
        var model = await handler.FindAsync(Board, id, Aborted);
        return model is null ? NotFound() : View(model);
    }

    private string YearName(BoardMeetingForm.Input input) => ConversationForm.SchoolYearName(ConversationForm.ParseDate(input.Date) ?? time.Today());
}
