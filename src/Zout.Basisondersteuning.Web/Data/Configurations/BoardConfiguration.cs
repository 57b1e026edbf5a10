using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zout.Basisondersteuning.Web.Domain;

namespace Zout.Basisondersteuning.Web.Data.Configurations;

public sealed class BoardConfiguration : IEntityTypeConfiguration<Board>
{
    public const string BoardNumberIndex = "IX_Boards_BoardNumber";

    public void Configure(EntityTypeBuilder<Board> builder)
    {
        builder.Property(b => b.BoardNumber).HasMaxLength(Board.BoardNumberMaxLength);
        builder.Property(b => b.Name).HasMaxLength(Board.NameMaxLength);
        builder.HasIndex(b => b.BoardNumber).IsUnique().HasDatabaseName(BoardNumberIndex);
        builder.Property(b => b.CreatedBy).HasMaxLength(256);
        builder.Property(b => b.UpdatedBy).HasMaxLength(256);
        // Two admins never silently overwrite each other's edit.
        builder.Property(b => b.UpdatedAt).IsConcurrencyToken();
    }
}
