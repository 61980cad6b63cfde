GenerateCommand.main()
