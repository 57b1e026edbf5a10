using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Features.Dashboards;
using Zout.Basisondersteuning.Web.Features.Documents;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Pdf;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.Conversations;

/// <summary>
/// Gesprekken of Team Basisondersteuning with a school. Read by the school, its board and the partnership
/// (ViewInternal); recorded by partnership staff who may consult the school (Consult); changed by the author or an
/// admin; the school adds a response (Edit); an agreement becomes a development point (FollowUp). Each conversation is
/// a gespreksverslag as page and as tagged PDF.
/// </summary>
[Route("school/{code}/gesprekken")]
public sealed class ConversationsController(CurrentUser currentUser, TimeProvider time) : Controller
{
    private CancellationToken Aborted => HttpContext.RequestAborted;
    private SchoolAccess Access => HttpContext.School();
    private string SchoolCode => Access.LocationCode;

    [HttpGet("")]
    [SchoolAccess(SchoolPermission.ViewInternal)]
    public async Task<IActionResult> Index(string code, string? export, string? tabel, [FromServices] ListConversations.Handler handler) =>
        this.PageOrDownload("Index", await handler.HandleAsync(Access, Aborted), export, tabel);

    [HttpGet("nieuw")]
    [SchoolAccess(SchoolPermission.Consult)]
    public async Task<IActionResult> Create(string code, ConversationKind? soort, [FromServices] FindConversation.Handler find)
    {
        var input = new ConversationForm.Input { Date = ConversationForm.Iso(time.Today()), Kind = soort }.WithEmptyRows(others: 2, agreements: 3);
        return View(await FormAsync(find, null, input));
    }

    [HttpPost("nieuw")]
    [SchoolAccess(SchoolPermission.Consult)]
    public async Task<IActionResult> Create(string code, [Bind(Prefix = ConversationForm.Prefix)] ConversationForm.Input input, [FromForm(Name = ConversationForm.AddRowButton)] string? meer,
        [FromServices] IValidator<ConversationForm.Input> validator, [FromServices] FindConversation.Handler find, [FromServices] RecordConversation.Handler handler)
    {
        if (meer is not null) return AddRow(await FormAsync(find, null, input), meer);
        var context = await find.ContextAsync(Access.SchoolId, input, time.Today(), Aborted);
        var validation = await validator.ValidateAsync(input, context, Aborted);
        if (!validation.IsValid || !ModelState.IsValid)
        {
            ModelState.AddErrors(validation, ConversationForm.Prefix);
            return View(await FormAsync(find, null, input.WithEmptyRows()));
        }

        var user = await UserAsync();
        var (_, users, _) = await find.ChoicesAsync(Access.SchoolId, ConversationForm.ParseDate(input.Date), time.Today(), Aborted);
        var result = await handler.CreateAsync(Access, user, context.Year!, input.ToValues(), users, Aborted);
        TempData["Flash"] = "Het gesprek is vastgelegd. De medewerkers van de school krijgen er bericht van.";
        return Redirect($"/school/{SchoolCode}/gesprekken/{result.Id}");
    }

    [HttpGet("{id:int}")]
    [SchoolAccess(SchoolPermission.ViewInternal)]
    public async Task<IActionResult> Show(string code, int id, [FromServices] ConversationReport.Loader loader, [FromServices] DocumentRenderer renderer, [FromServices] IPdfRenderer pdf)
    {
        var data = await loader.LoadAsync(Access.SchoolId, id, Aborted);
        if (data is null) return NotFound();
        return View("Show", await PageAsync(data, renderer, pdf, new RespondToConversation.Input { Text = data.SchoolResponse?.Text, Version = data.SchoolResponse?.Version ?? 0 }));
    }

    [HttpGet("{id:int}.pdf")]
    [SchoolAccess(SchoolPermission.ViewInternal)]
    public async Task<IActionResult> Pdf(string code, int id, [FromServices] ConversationReport.Loader loader, [FromServices] DocumentRenderer renderer)
    {
        var data = await loader.LoadAsync(Access.SchoolId, id, Aborted);
        if (data is null) return NotFound();
        var rendered = await renderer.RenderAsync(DocumentCatalog.ConversationReport, data, $"{data.Title} {data.SchoolName}", data.SchoolName, isDraft: false);
        try
        {
            return File(await renderer.PdfAsync(rendered, PaperSize.A4, isDraft: false, Aborted), "application/pdf", data.FileName);
        }
        catch (PdfUnavailableException exception)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return View("~/Features/Documents/Message.cshtml", new DocumentMessage("PDF niet beschikbaar", exception.Message, $"/school/{SchoolCode}/gesprekken/{id}", "Terug naar het gespreksverslag"));
        }
    }

    [HttpGet("{id:int}/bewerken")]
    [SchoolAccess(SchoolPermission.Consult)]
    public async Task<IActionResult> Edit(string code, int id, [FromServices] FindConversation.Handler find)
    {
        var stored = await find.FindAsync(Access.SchoolId, id, Aborted);
        if (stored is null) return NotFound();
        if (!AccessPolicy.MayEditConversation(await UserAsync(), Access, stored.AuthorId)) return Forbidden();
        return View(await FormAsync(find, stored, stored.Values.ToInput(stored.Version).WithEmptyRows()));
    }

    [HttpPost("{id:int}/bewerken")]
    [SchoolAccess(SchoolPermission.Consult)]
    public async Task<IActionResult> Edit(string code, int id, [Bind(Prefix = ConversationForm.Prefix)] ConversationForm.Input input, [FromForm(Name = ConversationForm.AddRowButton)] string? meer,
        [FromServices] IValidator<ConversationForm.Input> validator, [FromServices] FindConversation.Handler find, [FromServices] EditConversation.Handler handler)
    {
        var stored = await find.FindAsync(Access.SchoolId, id, Aborted);
        if (stored is null) return NotFound();
        if (!AccessPolicy.MayEditConversation(await UserAsync(), Access, stored.AuthorId)) return Forbidden();
        if (meer is not null) return AddRow(await FormAsync(find, stored, input), meer);

        var context = await find.ContextAsync(Access.SchoolId, input, time.Today(), Aborted);
        var validation = await validator.ValidateAsync(input, context, Aborted);
        if (!validation.IsValid || !ModelState.IsValid)
        {
            ModelState.AddErrors(validation, ConversationForm.Prefix);
            return View(await FormAsync(find, stored, input.WithEmptyRows()));
        }

        return await SaveAsync(find, handler, stored, context, input);
    }

    /// <summary>The user chose per part between their version and the stored one; save that against the stored version.</summary>
    [HttpPost("{id:int}/conflict")]
    [SchoolAccess(SchoolPermission.Consult)]
    public async Task<IActionResult> ResolveConflict(string code, int id, ResolveConversationConflict.Input input,
        [FromServices] IValidator<ConversationForm.Input> formValidator, [FromServices] IValidator<ResolveConversationConflict.Input> conflictValidator,
        [FromServices] FindConversation.Handler find, [FromServices] EditConversation.Handler handler)
    {
        var stored = await find.FindAsync(Access.SchoolId, id, Aborted);
        if (stored is null) return NotFound();
        if (!AccessPolicy.MayEditConversation(await UserAsync(), Access, stored.AuthorId)) return Forbidden();

        var context = await find.ContextAsync(Access.SchoolId, input.Mine, time.Today(), Aborted);
        var mineValidation = await formValidator.ValidateAsync(input.Mine, context, Aborted);
        if (!mineValidation.IsValid)
        {
            ModelState.AddErrors(mineValidation, ConversationForm.Prefix);
            input.Mine.Version = stored.Version;
            return View(nameof(Edit), await FormAsync(find, stored, input.Mine.WithEmptyRows()));
        }

        // Saved again by someone while the user was choosing: choose again against the newest values.
        var names = await NamesAsync(find, stored);
        if (input.Mine.Version != stored.Version) return ConflictView(stored, input.Mine, names);

        var conflict = ResolveConversationConflict.Model.For(SchoolCode, stored, input.Mine, names, input.Choices);
        var choiceValidation = await conflictValidator.ValidateAsync(input, conflict.Differences, Aborted);
        if (!choiceValidation.IsValid)
        {
            ModelState.AddErrors(choiceValidation);
            return View("Conflict", conflict);
        }

        var merged = ResolveConversationConflict.Merge(input.Mine.ToValues(), stored.Values, input.Choices).ToInput(stored.Version);
        var mergedContext = await find.ContextAsync(Access.SchoolId, merged, time.Today(), Aborted);
        var mergedValidation = await formValidator.ValidateAsync(merged, mergedContext, Aborted);
        if (!mergedValidation.IsValid)
        {
            ModelState.AddErrors(mergedValidation, ConversationForm.Prefix);
            return View(nameof(Edit), await FormAsync(find, stored, merged.WithEmptyRows()));
        }

        return await SaveAsync(find, handler, stored, mergedContext, merged);
    }

    [HttpPost("{id:int}/reactie")]
    [SchoolAccess(SchoolPermission.Edit)]
    public async Task<IActionResult> Respond(string code, int id, [Bind(Prefix = "Response")] RespondToConversation.Input input,
        [FromServices] IValidator<RespondToConversation.Input> validator, [FromServices] RespondToConversation.Handler handler,
        [FromServices] ConversationReport.Loader loader, [FromServices] DocumentRenderer renderer, [FromServices] IPdfRenderer pdf)
    {
        var validation = await validator.ValidateAsync(input, Aborted);
        var result = validation.IsValid
            ? await handler.SaveAsync(Access.SchoolId, SchoolCode, id, (await UserAsync()).DisplayName, input, Aborted)
            : Result.Invalid(validation);
        switch (result.Status)
        {
            case ResultStatus.Succeeded:
                TempData["Flash"] = "Uw reactie is opgeslagen.";
                return Redirect($"/school/{SchoolCode}/gesprekken/{id}#reactie");
            case ResultStatus.NotFound:
                return NotFound();
        }

        ModelState.AddErrors(result, "Response");
        var data = await loader.LoadAsync(Access.SchoolId, id, Aborted);
        if (data is null) return NotFound();
        if (result.Status == ResultStatus.Conflict)
        {
            // Show what is stored now; the user's own text stays in the box.
            Response.StatusCode = StatusCodes.Status409Conflict;
            input.Version = data.SchoolResponse?.Version ?? 0;
        }

        return View("Show", await PageAsync(data, renderer, pdf, input));
    }

    [HttpPost("{id:int}/afspraken/{afspraak:int}/ontwikkelpunt")]
    [SchoolAccess(SchoolPermission.FollowUp)]
    public async Task<IActionResult> ToDevelopmentPoint(string code, int id, int afspraak, [FromServices] AgreementToDevelopmentPoint.Handler handler)
    {
        var result = await handler.HandleAsync(Access.SchoolId, SchoolCode, id, afspraak, Aborted);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        TempData["Flash"] = result.Succeeded
            ? "De afspraak is een ontwikkelpunt van de school geworden. U vindt het bij de ontwikkelpunten; de school kan domein, aspect en niveaus aanvullen."
            : result.Message;
        return Redirect($"/school/{SchoolCode}/gesprekken/{id}#opvolgen");
    }

    private async Task<IActionResult> SaveAsync(FindConversation.Handler find, EditConversation.Handler handler, FindConversation.Stored stored,
        ConversationForm.FormContext context, ConversationForm.Input input)
    {
        var (_, users, _) = await find.ChoicesAsync(Access.SchoolId, ConversationForm.ParseDate(input.Date), time.Today(), Aborted);
        var result = await handler.SaveAsync(Access.SchoolId, SchoolCode, stored.Id, context.Year!.Year.Id, input.ToValues(), input.Version, users, Aborted);
        switch (result.Status)
        {
            case ResultStatus.Succeeded:
                TempData["Flash"] = "Het gespreksverslag is opgeslagen.";
                return Redirect($"/school/{SchoolCode}/gesprekken/{stored.Id}");
            case ResultStatus.Conflict:
                return ConflictView(result.Value!, input, await NamesAsync(find, result.Value!));
            default:
                return NotFound();
        }
    }

    private IActionResult ConflictView(FindConversation.Stored stored, ConversationForm.Input mine, ResolveConversationConflict.Names names)
    {
        var model = ResolveConversationConflict.Model.For(SchoolCode, stored, mine, names);
        if (model.Differences.Count == 0)
        {
            // Someone else saved exactly these values: nothing is lost, nothing to choose.
            TempData["Flash"] = "Het gespreksverslag is opgeslagen.";
            return Redirect($"/school/{SchoolCode}/gesprekken/{stored.Id}");
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Conflict", model);
    }

    private async Task<ResolveConversationConflict.Names> NamesAsync(FindConversation.Handler find, FindConversation.Stored stored)
    {
        var (year, users, points) = await find.ChoicesAsync(Access.SchoolId, stored.Values.Date, time.Today(), Aborted);
        var framework = year?.Definition;
        return new ResolveConversationConflict.Names(users.ToDictionary(u => u.Id, u => u.Name),
            key => framework?.DomainName(key) ?? key, key => framework?.AspectName(key) ?? key, points.ToDictionary(p => p.Id, p => p.Title));
    }

    private async Task<ConversationForm.Model> FormAsync(FindConversation.Handler find, FindConversation.Stored? stored, ConversationForm.Input input)
    {
        var (year, users, points) = await find.ChoicesAsync(Access.SchoolId, ConversationForm.ParseDate(input.Date), time.Today(), Aborted);
        var note = stored?.BoardMeetingId is not null ? "Dit gesprek is het deel van deze school in een startbijeenkomst van het bestuur." : null;
        return new ConversationForm.Model(SchoolCode, Access.School!.Name, stored?.Id, input, year, users, points, note);
    }

    /// <summary>The "one more row" buttons: the same form with an empty row more, nothing saved and no errors shown.</summary>
    private ViewResult AddRow(ConversationForm.Model model, string which)
    {
        ModelState.Clear();
        if (which == "deelnemer") model.Input.Others.Add(new ConversationForm.OtherParticipant());
        else model.Input.Agreements.Add(new ConversationForm.AgreementInput());
        return View(model.ConversationId is null ? nameof(Create) : nameof(Edit), model);
    }

    private async Task<ConversationPage> PageAsync(ConversationReport.Data data, DocumentRenderer renderer, IPdfRenderer pdf, RespondToConversation.Input response)
    {
        var rendered = await renderer.RenderAsync(DocumentCatalog.ConversationReport, data, $"{data.Title} {data.SchoolName}", data.SchoolName, isDraft: false);
        var user = await UserAsync();
        return new ConversationPage(data, rendered.ContentHtml, pdf.UnavailableReason,
            CanEdit: AccessPolicy.MayEditConversation(user, Access, data.AuthorId),
            CanRespond: Access.Can(SchoolPermission.Edit),
            CanFollowUp: Access.Can(SchoolPermission.FollowUp),
            response);
    }

    private async Task<UserScope> UserAsync() =>
        await currentUser.GetAsync(Aborted) ?? throw new InvalidOperationException("The access filter let an anonymous user through.");

    private StatusCodeResult Forbidden() => StatusCode(StatusCodes.Status403Forbidden);
}

/// <summary>The gespreksverslag as a page: the document (the same HTML as the PDF) and what the user may do with it.</summary>
public sealed record ConversationPage(ConversationReport.Data Data, string ContentHtml, string? PdfUnavailable, bool CanEdit, bool CanRespond, bool CanFollowUp,
    RespondToConversation.Input Response)
{
    public string BaseUrl => $"/school/{Data.SchoolCode}/gesprekken/{Data.Id}";
}
