// Placeholder until the Dispatcher issue lands (issue 3).
return 2;
