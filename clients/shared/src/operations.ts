// The session operations every app runs through its /api/session route handlers.
import { graphql } from './graphql/index';

export const LoginDocument = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) { accessToken refreshToken expiresIn user { id name email roles } }
  }
`);

export const RegisterPatientDocument = graphql(`
  mutation RegisterPatient($input: RegisterPatientInput!) {
    registerPatient(input: $input) { message }
  }
`);

export const ConfirmSignUpDocument = graphql(`
  mutation ConfirmSignUp($token: String!, $password: String!) {
    confirmSignUp(token: $token, password: $password) { accessToken refreshToken expiresIn user { id name email roles } }
  }
`);

export const RefreshSessionDocument = graphql(`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) { accessToken refreshToken expiresIn user { id name email roles } }
  }
`);

export const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);
