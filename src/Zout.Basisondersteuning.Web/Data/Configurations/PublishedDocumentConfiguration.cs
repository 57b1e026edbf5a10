using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zout.Basisondersteuning.Web.Domain.Documents;

namespace Zout.Basisondersteuning.Web.Data.Configurations;

public sealed class PublishedDocumentConfiguration : IEntityTypeConfiguration<PublishedDocument>
{
    public const string VersionIndex = "IX_PublishedDocuments_SchoolId_Kind_Version";

    public void Configure(EntityTypeBuilder<PublishedDocument> builder)
    {
        builder.HasIndex(d => new { d.SchoolId, d.Kind, d.Version }).IsUnique().HasDatabaseName(VersionIndex);
        builder.HasIndex(d => new { d.SchoolId, d.SchoolYearId, d.Kind });
        builder.HasIndex(d => d.ScanId);
        builder.HasOne(d => d.School).WithMany().HasForeignKey(d => d.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.SchoolYear).WithMany().HasForeignKey(d => d.SchoolYearId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.Scan).WithMany().HasForeignKey(d => d.ScanId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Title).HasMaxLength(PublishedDocument.TitleMaxLength);
        builder.Property(d => d.PublishedBy).HasMaxLength(256);
        builder.Property(d => d.OfferingKeys).HasMaxLength(4000);
        builder.Property(d => d.Sha256).HasMaxLength(PublishedDocument.Sha256Length).IsFixedLength();
    }
}
