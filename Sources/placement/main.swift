import PlacementCLI

PlacementCommand.main()
