return 0; // Placeholder until the Dispatcher issue lands (issue 3).
